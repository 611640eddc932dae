import base from "@qline/eslint-config";

/** The raw transaction helpers of @qline/db: only the doors (src/context) and the jobs (src/jobs) call them. */
const rawTransactions = {
  name: "@qline/db",
  importNames: ["withTenantTx", "withLocatedTenantTx"],
  message: "Open tenant data through a named door (src/context/doors.ts); withTenantTx is for src/context and src/jobs only.",
};
const rawTransactionUse = {
  selector: "Identifier[name=/^with(Located)?TenantTx$/]",
  message: "Open tenant data through a named door (src/context/doors.ts); withTenantTx is for src/context and src/jobs only.",
};

// Server code logs through the one pino logger (apps/api/src/observability/logger.ts), never the console.
// Tests may print what they measured (node:test shows it beside the result).
export default [
  ...base,
  { files: ["src/**/*.ts"], ignores: ["src/**/__tests__/**"], rules: { "no-console": "error" } },
  // Tenant data only through the doors (ARCHITECTURE.md step 3, packages/db/CONVENTIONS.md 6).
  {
    files: ["src/**/*.ts"],
    ignores: ["src/context/**", "src/jobs/**", "src/**/__tests__/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [rawTransactions] }],
      "no-restricted-syntax": ["error", rawTransactionUse],
    },
  },
];
