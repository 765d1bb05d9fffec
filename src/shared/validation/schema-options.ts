import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import type { IOptions } from 'class-validator-jsonschema/build/options';

/**
 * How class-validator decorators become JSON Schema, shared by command bodies
 * and query parameters so both are documented from the rules that check them.
 */
export const SCHEMA_OPTIONS: Partial<IOptions> = {
  refPointerPrefix: '#/components/schemas/',
  classTransformerMetadataStorage: defaultMetadataStorage,
  additionalConverters: {
    isIsoDate: { type: 'string', format: 'date' },
    isIsoDateTime: { type: 'string', format: 'date-time' },
    // The shape only: the validator also refuses impossible dates (2018-02-30).
    isDateOrDateTime: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T[\\d:.]+(Z|[+-]\\d{2}:\\d{2}))?$' },
  },
};
