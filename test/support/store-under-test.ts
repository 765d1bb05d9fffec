/** The store the e2e project runs the app on, for test names (set by test/support/e2e/env-*.ts). */
export const storeUnderTest: string = process.env.AET_STORE_UNDER_TEST ?? 'sqlite: embedded file store';
