import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed operations from the schema the API emits. Each operation lives in its own file under
 * src/modules/<feature>/graphql/ and is written with the generated `graphql()` function, which returns a
 * TypedDocumentNode: Apollo's hooks then know the variables and result types. Run `pnpm codegen` after the
 * schema or an operation changes; the output in src/gql/ is committed.
 */
const config: CodegenConfig = {
  // QLINE_SCHEMA lets a developer generate against a schema the API has not emitted yet; commits use the emitted one.
  schema: process.env.QLINE_SCHEMA ?? "../../packages/schema/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: true,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // Only the types our operations use: a schema change that touches none of them leaves src/gql/ as it is.
        onlyOperationTypes: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          DateTimeISO: "string",
          JSON: "unknown",
          JSONObject: "Record<string, unknown>",
        },
      },
    },
  },
};

export default config;
