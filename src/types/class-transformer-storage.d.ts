// class-transformer publishes its metadata storage without typings for the CommonJS path;
// class-validator-jsonschema needs it to follow @Type() into nested DTOs.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
