import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { generatedArtifacts } from "../emit-schema.js";

describe("committed artifacts", () => {
  it("match what the API generates (schema.graphql, docs/roles.md): run `pnpm schema:emit` when this fails", async () => {
    for (const { file, content } of await generatedArtifacts()) {
      assert.equal(readFileSync(file, "utf8"), content, `${file} is stale`);
    }
  });
});
