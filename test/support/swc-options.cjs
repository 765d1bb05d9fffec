// How the tests compile the service's TypeScript with swc: the jest transform
// and the compiled service of the multi-process tests (compiled-service.ts) alike.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
