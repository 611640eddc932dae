import base from "@qline/eslint-config";

// Server code logs through the one pino logger (apps/api/src/observability/logger.ts), never the console.
// Tests may print what they measured (node:test shows it beside the result).
export default [
  ...base,
  { files: ["src/**/*.ts"], ignores: ["src/**/__tests__/**"], rules: { "no-console": "error" } },
];
