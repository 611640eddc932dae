import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { corsAllows } from "../server.js";
import { testConfig } from "./harness.js";

describe("corsAllows", () => {
  it("allows any origin in development when no list is configured, none in production", () => {
    assert.equal(corsAllows("http://localhost:5173", testConfig()), true);
    assert.equal(corsAllows("https://evil.example", testConfig({ production: true })), false);
  });

  it("allows listed origins exactly and one subdomain level of wildcard entries", () => {
    const config = testConfig({ corsOrigins: ["https://admin.qline.dev", "https://*.qline.app"] });
    assert.equal(corsAllows("https://admin.qline.dev", config), true);
    assert.equal(corsAllows("https://admin.qline.dev.evil.example", config), false);
    assert.equal(corsAllows("https://demo-coffee.qline.app", config), true);
    assert.equal(corsAllows("http://demo-coffee.qline.app", config), false);
    assert.equal(corsAllows("https://a.b.qline.app", config), false);
    assert.equal(corsAllows("https://qline.app", config), false);
    assert.equal(corsAllows("https://evilqline.app", config), false);
  });
});
