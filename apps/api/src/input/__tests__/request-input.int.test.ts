/**
 * Input hygiene through the real server: NUL bytes and lone surrogates, deep JSON and inline JSON literals give
 * BAD_USER_INPUT (or work), on HTTP and on the WebSocket, and no client message carries SQL in development mode.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, signUpPersona, startTestApi, type GraphQLResponse, type Persona, type TestApi } from "../../__tests__/harness.js";
import { clientPool, createLine, issueTicket } from "../../modules/tickets/__tests__/queue-fixtures.js";

const nul = "\u0000";
const loneHigh = "\ud800";
const loneLow = "x\udc00y";

/** Sends a raw body (the harness's client always sends valid JSON of a JS value). */
async function post(api: TestApi, body: string, authorization?: string): Promise<{ status: number; json: GraphQLResponse }> {
  const res = await fetch(api.server.url, { method: "POST", headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) }, body });
  return { status: res.status, json: (await res.json()) as GraphQLResponse };
}

/** No SQL, parameters, or driver wording in any message a client sees. */
function assertNoInternals(res: GraphQLResponse): void {
  for (const e of res.errors ?? []) {
    assert.doesNotMatch(e.message, /\b(select|insert|update|from|where)\b|\$\d|params|invalid byte sequence|stack/i, e.message);
    assert.equal((e.extensions as Record<string, unknown> | undefined)?.stacktrace, undefined, "no stack traces in any mode");
  }
}

describe("input hygiene", () => {
  let api: TestApi;
  let owner: Persona;
  const pool = clientPool(() => api);

  before(async () => {
    api = await startTestApi(); // development mode: production=false, the mode that used to expose SQL
    assert.equal(api.config.production, false);
    owner = await signUpPersona(api, "hygiene");
  });
  after(async () => {
    await pool.disposeAll();
    await api.close();
  });

  it("refuses NUL bytes and lone surrogates in variables of public and auth operations (BAD_USER_INPUT, not 500)", async () => {
    const anonymous = api.client();
    const cases: [string, Record<string, unknown>][] = [
      [`query($c: String!) { ticketByCode(code: $c) { number } }`, { c: `abc${nul}` }],
      [`query($s: String!) { tenantBySlug(slug: $s) { id } }`, { s: `slug${nul}` }],
      [`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: `a${nul}@example.test`, p: "x" }],
      [`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: "a@example.test", p: `pw${nul}` }],
      [`mutation($c: String!) { cancelMyTicket(code: $c) { number } }`, { c: nul }],
      [`query($c: String!) { ticketByCode(code: $c) { number } }`, { c: loneHigh }],
      [`query($s: String!) { tenantBySlug(slug: $s) { id } }`, { s: loneLow }],
    ];
    for (const [query, variables] of cases) {
      const res = await anonymous(query, variables);
      assertCode(res, "BAD_USER_INPUT");
      assertNoInternals(res);
    }
    // Deep inside a JSON variable, and in a key, for a signed-in caller.
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "H" });
    const issue = `mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id } }`;
    assertCode(await owner.gql(issue, { input: { lineId, extensions: { a: { b: [1, `x${nul}`] } } } }), "BAD_USER_INPUT");
    assertCode(await owner.gql(issue, { input: { lineId, extensions: { [`k${loneHigh}`]: 1 } } }), "BAD_USER_INPUT");
    // A valid surrogate pair (an emoji) is ordinary text.
    const ok = await issueTicket(owner.gql, lineId, { extensions: { note: "🙂 ok" } });
    assert.deepEqual(ok.extensions, { note: "🙂 ok" });
  });

  it("refuses escaped NULs and lone surrogates inside string literals of the query itself", async () => {
    const anonymous = api.client();
    for (const literal of ["\\u0000", "\\u{0}", "\\u{000}"]) {
      const res = await anonymous(`{ ticketByCode(code: "a${literal}b") { number } }`);
      assertCode(res, "BAD_USER_INPUT");
      assertNoInternals(res);
    }
    // graphql-js's own lexer already refuses an escaped lone surrogate: a parse error (400), not a 500.
    assertCode(await anonymous(`{ ticketByCode(code: "a\\uD800b") { number } }`), "GRAPHQL_PARSE_FAILED");
    const raw = await post(api, JSON.stringify({ query: `{ tenantBySlug(slug: "x") { id } } # ${nul}` }));
    assert.equal(raw.status, 400);
    assertCode(raw.json, "BAD_USER_INPUT");
  });

  it("refuses a 100k-deep JSON value, in variables or inline, with BAD_USER_INPUT before anything recurses", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const inVariables = await post(api, `{"query":"mutation($t: ID!, $s: JSON!) { setTicketExtensionSchema(tenantId: $t, schema: $s) { id } }","variables":{"t":"${owner.tenantId}","s":${deep}}}`, `Bearer ${owner.token}`);
    assert.equal(inVariables.status, 400);
    assertCode(inVariables.json, "BAD_USER_INPUT");
    assert.match(inVariables.json.errors![0]!.message, /deeper than 64/);
    const deepObject = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
    assertCode((await post(api, `{"query":"{ __typename }","variables":{"x":${deepObject}}}`)).json, "BAD_USER_INPUT");
    const inline = await owner.gql(`mutation($t: ID!) { setTicketExtensionSchema(tenantId: $t, schema: ${"{a:".repeat(50_000)}1${"}".repeat(50_000)}) { id } }`, { t: owner.tenantId });
    assertCode(inline, "BAD_USER_INPUT");
    const deepSelection = await api.client()(`{ ${"a { ".repeat(100_000)}b${" }".repeat(100_000)} }`);
    assertCode(deepSelection, "BAD_USER_INPUT");
    // GET carries variables as a JSON string: the same rule (1,000 levels: a URL cannot hold 100k).
    const get = await fetch(`${api.server.url}?query=${encodeURIComponent("query($x: JSON) { __typename }")}&variables=${encodeURIComponent(`{"x":${"[".repeat(1000)}${"]".repeat(1000)}}`)}`, { headers: { "apollo-require-preflight": "1" } });
    assert.equal(get.status, 400);
    assertCode((await get.json()) as GraphQLResponse, "BAD_USER_INPUT");
  });

  it("answers malformed JSON bodies with a GraphQL-shaped BAD_USER_INPUT, not an HTML error page", async () => {
    const res = await post(api, `{"query": "{ __typename }"`);
    assert.equal(res.status, 400);
    assertCode(res.json, "BAD_USER_INPUT");
  });

  it("accepts JSON literals written inline in the query (objects, lists, variables inside), as with variables", async () => {
    const set = `mutation($t: ID!, $max: Int) { setTicketExtensionSchema(tenantId: $t, schema: { type: "object", properties: { seat: { type: "integer", minimum: 1, maximum: $max }, tags: { type: "array", items: { type: "string" } } }, required: ["seat"] }) { ticketExtensionSchema } }`;
    const schema = assertOk(await owner.gql<{ setTicketExtensionSchema: { ticketExtensionSchema: unknown } }>(set, { t: owner.tenantId, max: 9 })).setTicketExtensionSchema.ticketExtensionSchema;
    assert.deepEqual(schema, { type: "object", properties: { seat: { type: "integer", minimum: 1, maximum: 9 }, tags: { type: "array", items: { type: "string" } } }, required: ["seat"], "x-order": ["seat", "tags"] });
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "L" });
    const issued = assertOk(await owner.gql<{ issueTicket: { extensions: unknown } }>(`mutation($l: ID!) { issueTicket(input: { lineId: $l, extensions: { seat: 3, tags: ["a", "b"] } }) { extensions } }`, { l: lineId }));
    assert.deepEqual(issued.issueTicket.extensions, { seat: 3, tags: ["a", "b"] });
    assertCode(await owner.gql(`mutation($l: ID!) { issueTicket(input: { lineId: $l, extensions: { seat: 0 } }) { id } }`, { l: lineId }), "BAD_USER_INPUT");
    const empty = assertOk(await owner.gql<{ setTicketExtensionSchema: { ticketExtensionSchema: unknown } }>(`mutation($t: ID!) { setTicketExtensionSchema(tenantId: $t, schema: {}) { ticketExtensionSchema } }`, { t: owner.tenantId }));
    assert.deepEqual(empty.setTicketExtensionSchema.ticketExtensionSchema, {});
    const updated = assertOk(await owner.gql<{ issueTicket: { extensions: unknown } }>(`mutation($l: ID!) { issueTicket(input: { lineId: $l, extensions: {} }) { extensions } }`, { l: lineId }));
    assert.deepEqual(updated.issueTicket.extensions, {});
  });

  it("applies the same rules to graphql-ws subscribe payloads", async () => {
    const client = pool.open();
    const firstError = (query: string, variables?: Record<string, unknown>) =>
      new Promise<{ message: string; extensions?: { code?: string } }>((resolve, reject) => {
        client.subscribe(
          { query, ...(variables ? { variables } : {}) },
          {
            next: (value) => reject(new Error(`expected an error, got ${JSON.stringify(value)}`)),
            error: (errors) => resolve((errors as { message: string; extensions?: { code?: string } }[])[0]!),
            complete: () => reject(new Error("completed without an error")),
          },
        );
      });
    const viaVariables = await firstError(`subscription($c: String!) { ticketUpdated(code: $c) { number } }`, { c: `a${nul}` });
    assert.equal(viaVariables.extensions?.code, "BAD_USER_INPUT", JSON.stringify(viaVariables));
    const viaLiteral = await firstError(`subscription { ticketUpdated(code: "a\\u0000") { number } }`);
    assert.equal(viaLiteral.extensions?.code, "BAD_USER_INPUT", JSON.stringify(viaLiteral));
    const deep = await firstError(`subscription($c: String!) { ticketUpdated(code: $c) { number } }`, { c: "x", extra: JSON.parse(`${"[".repeat(1000)}${"]".repeat(1000)}`) as unknown });
    assert.equal(deep.extensions?.code, "BAD_USER_INPUT", JSON.stringify(deep));
  });
});
