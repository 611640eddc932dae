import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed operations from the schema the API emits (packages/schema/schema.graphql). One operation per file under
 * src/modules/<feature>/graphql/, written with the generated `graphql()` function. Run `pnpm codegen` after the
 * schema or an operation changes; the output in src/gql/ is committed.
 */
const config: CodegenConfig = {
  schema: process.env.QLINE_SCHEMA ?? "../../packages/schema/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: true,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTimeISO: "string", JSON: "unknown", JSONObject: "Record<string, unknown>" },
      },
    },
  },
};

export default config;
