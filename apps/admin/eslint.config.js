import base from "@qline/eslint-config";
import reactHooks from "eslint-plugin-react-hooks";

export default [
  ...base,
  { ignores: ["src/gql/**"] },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
];
