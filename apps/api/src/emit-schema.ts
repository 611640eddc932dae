/**
 * Writes the API's generated artifacts: packages/schema/schema.graphql (from the resolvers) and docs/roles.md
 * (from the permission matrix). `--check` fails when a committed file is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rolesMarkdown } from "./context/permissions.js";
import { createPubSub } from "./pubsub/pubsub.js";
import { buildQlineSchema, printQlineSchema } from "./schema.js";

const repoFile = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
export const schemaFile = repoFile("packages/schema/schema.graphql");
export const rolesFile = repoFile("docs/roles.md");

export async function generatedArtifacts(): Promise<{ file: string; content: string; command: string }[]> {
  return [
    { file: schemaFile, content: printQlineSchema(await buildQlineSchema(createPubSub(undefined))), command: "pnpm schema:emit" },
    { file: rolesFile, content: rolesMarkdown(), command: "pnpm schema:emit" },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  let stale = false;
  for (const { file, content, command } of await generatedArtifacts()) {
    if (!check) {
      writeFileSync(file, content);
      process.stdout.write(`wrote ${file}\n`);
    } else if (readFileSync(file, "utf8") !== content) {
      process.stderr.write(`${file} is stale: run \`${command}\` and commit it.\n`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
}
