import base from "@qline/eslint-config";

// Server code logs through the one pino logger (apps/api/src/observability/logger.ts), never the console.
export default [...base, { files: ["src/**/*.ts"], rules: { "no-console": "error" } }];
