import type { CodegenConfig } from '@graphql-codegen/cli';

// Web types come from the committed SDL file that the server emits, never from a live endpoint.
// Operations live next to the feature that uses them, in `*.operations.ts` files.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.operations.ts'],
  ignoreNoDocuments: true,
  // Formatted like the rest of the repository, so `npm run format` never changes generated code.
  hooks: { afterAllFileWrite: ['prettier --write'] },
  generates: {
    'src/lib/graphql/generated.ts': {
      plugins: ['typescript-operations'],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        onlyOperationTypes: true,
        defaultScalarType: 'unknown',
        scalars: {
          DateTime: 'string',
          Decimal: 'string',
          CurrencyCode: 'string',
          Date: 'string',
          YearMonth: 'string',
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
};

export default config;
