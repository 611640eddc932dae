export { default } from "@qline/eslint-config";
