/**
 * Writes packages/schema/schema.graphql from the resolvers (`--check`: fails when the committed file is stale).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createPubSub } from "./pubsub/pubsub.js";
import { buildQlineSchema, printQlineSchema } from "./schema.js";

export const schemaFile = fileURLToPath(new URL("../../../packages/schema/schema.graphql", import.meta.url));

export async function emittedSchema(): Promise<string> {
  return printQlineSchema(await buildQlineSchema(createPubSub(undefined)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sdl = await emittedSchema();
  if (process.argv.includes("--check")) {
    const committed = readFileSync(schemaFile, "utf8");
    if (committed !== sdl) {
      console.error("packages/schema/schema.graphql is stale: run `pnpm schema:emit` and commit it.");
      process.exit(1);
    }
    console.log("schema.graphql is up to date");
  } else {
    writeFileSync(schemaFile, sdl);
    console.log(`wrote ${schemaFile}`);
  }
}
