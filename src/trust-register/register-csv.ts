import { join } from 'node:path';

/** The NHS trust register extract shipped with the service (see data/reference/README.md). */
export const REGISTER_CSV = join(__dirname, '..', '..', 'data', 'reference', 'nhs-trusts-etr.csv');
