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
/** The old door names, kept as aliases for modules/tickets and modules/estimates only until they switch. */
const oldDoorNames = {
  group: ["**/tenant-access.js", "**/lookups.js"],
  message: "Old door names: use src/context/doors.ts (staffDoor, recordDoor, publicLineDoor, trackingCodeDoor, …) and src/context/access.ts.",
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
      "no-restricted-imports": ["error", { paths: [rawTransactions], patterns: [oldDoorNames] }],
      "no-restricted-syntax": ["error", rawTransactionUse],
    },
  },
  {
    files: ["src/modules/tickets/**/*.ts", "src/modules/estimates/**/*.ts"],
    ignores: ["src/**/__tests__/**"],
    rules: { "no-restricted-imports": ["error", { paths: [rawTransactions] }] },
  },
  // TEMPORARY (issue 14): the files of modules/tickets and modules/estimates that still open withTenantTx
  // themselves until they move to the doors. Remove this block with that change.
  {
    files: [
      "src/modules/tickets/tickets.service.ts",
      "src/modules/tickets/queue-subscriptions.service.ts",
      "src/modules/tickets/line-refresh.ts",
      "src/modules/estimates/estimates.queries.ts",
    ],
    rules: { "no-restricted-imports": "off", "no-restricted-syntax": "off" },
  },
];
