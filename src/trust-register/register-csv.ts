import { join } from 'node:path';

/** The NHS trust register extract shipped with the service (see data/reference/README.md). */
export const REGISTER_CSV = join(__dirname, '..', '..', 'data', 'reference', 'nhs-trusts-etr.csv');

/** Curated types the register's fields cannot tell, each citing its source. */
export const TYPE_OVERRIDES_CSV = join(__dirname, '..', '..', 'data', 'reference', 'organisation-types.csv');

/** Earlier names of register trusts, each with the day it ended and a source. */
export const EARLIER_NAMES_CSV = join(__dirname, '..', '..', 'data', 'reference', 'organisation-names.csv');
