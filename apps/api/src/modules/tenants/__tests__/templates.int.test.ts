/**
 * Chain templates through the real API: branding, line preset, custom-field schema and ticket types set at a
 * chain's root reach every store (new and existing), a store overrides a field and resets it to inherit, each
 * value names its source; a sibling store or another account can neither see nor change them. The chain's
 * subtree paged for the switcher, and the chain roll-up paged past 50 stores. PGlite, and PostgreSQL with
 * TEST_DATABASE_URL.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, createSubtenant, memberPersona, signUpPersona, startTestApi, type Gql, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { createLine, createTicketType, issueTicket } from "../../tickets/__tests__/queue-fixtures.js";

const templatesQuery = `query($id: ID!) { tenant(id: $id) { templates {
  theme { field value overridden source { id name } }
  linePreset { field value overridden source { id name } }
  extensionSchema { schema version overridden source { id } }
  ticketTypes { id code inherited hidden source { id } }
} } }`;

interface Effective {
  field: string;
  value: unknown;
  overridden: boolean;
  source: { id: string; name: string } | null;
}
interface Templates {
  theme: Effective[];
  linePreset: Effective[];
  extensionSchema: { schema: Record<string, unknown>; version: number; overridden: boolean; source: { id: string } } | null;
  ticketTypes: { id: string; code: string; inherited: boolean; hidden: boolean; source: { id: string } }[];
}

async function templatesOf(gql: Gql, id: string): Promise<Templates> {
  return assertOk(await gql<{ tenant: { templates: Templates } }>(templatesQuery, { id })).tenant.templates;
}
const field = (list: Effective[], name: string): Effective => list.find((f) => f.field === name)!;

const updateTheme = `mutation($id: ID!, $theme: ThemeInput!) { updateTenant(id: $id, input: { theme: $theme }) { id } }`;
const setPreset = `mutation($t: ID!, $input: LinePresetInput!) { setLinePreset(tenantId: $t, input: $input) { id linePreset } }`;
const reset = `mutation($t: ID!, $k: TemplateKind!, $f: String!) { resetTemplateField(tenantId: $t, template: $k, field: $f) { id } }`;
const hide = `mutation($t: ID!, $type: ID!, $h: Boolean!) { setInheritedTicketTypeHidden(tenantId: $t, ticketTypeId: $type, hidden: $h) { id } }`;
const setSchema = `mutation($t: ID!, $s: JSON!) { setTicketExtensionSchema(tenantId: $t, schema: $s) { id } }`;
const publicTheme = `query($slug: String!) { tenantBySlug(slug: $slug) { theme { primaryColor logoUrl } lines { id ticketTypes { code } } } }`;
const lineQuery = `query($id: ID!) { line(id: $id) { timeZone showEstimates estimator ttl { waitingSeconds warnSeconds } ticketTypes { id code } } }`;

describe("chain templates: inherited down the tree, overridable per field, tenant-safe", () => {
  let api: TestApi;
  let owner: Persona;
  let rival: Persona;
  let airport: string;
  let station: string;
  let airportSlug: string;
  let airportManager: Persona;
  let stationManager: Persona;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "chain");
    rival = await signUpPersona(api, "rival");
    airport = await createSubtenant(owner, owner.tenantId, "Airport");
    station = await createSubtenant(owner, owner.tenantId, "Station");
    airportSlug = assertOk(await owner.gql(`query($id: ID!) { tenant(id: $id) { slug } }`, { id: airport })).tenant.slug;
    airportManager = await memberPersona(api, owner, airport, "MANAGER");
    stationManager = await memberPersona(api, owner, station, "MANAGER");
  });
  after(() => api.close());

  it("gives stores the root's branding, names its source, and lets a store override a field and reset it", async () => {
    assertOk(await owner.gql(updateTheme, { id: owner.tenantId, theme: { primaryColor: "#112233", logoUrl: "https://cdn.example.test/logo.png" } }));
    let t = await templatesOf(owner.gql, airport);
    assert.deepEqual(field(t.theme, "primaryColor"), { field: "primaryColor", value: "#112233", overridden: false, source: { id: owner.tenantId, name: "chain HQ" } });
    assert.deepEqual(field(t.theme, "accentColor"), { field: "accentColor", value: null, overridden: false, source: null });
    // The kiosk's public page gets the inherited theme.
    assert.deepEqual(assertOk(await api.client()(publicTheme, { slug: airportSlug })).tenantBySlug.theme, { primaryColor: "#112233", logoUrl: "https://cdn.example.test/logo.png" });

    assertOk(await owner.gql(updateTheme, { id: airport, theme: { primaryColor: "#aa0000" } }));
    t = await templatesOf(owner.gql, airport);
    assert.equal(field(t.theme, "primaryColor").value, "#aa0000");
    assert.equal(field(t.theme, "primaryColor").overridden, true);
    assert.equal(field(t.theme, "primaryColor").source?.id, airport);
    assert.equal(field(t.theme, "logoUrl").source?.id, owner.tenantId, "other fields still inherited");

    // A change at the root reaches an existing store that does not override it, and not the one that does.
    assertOk(await owner.gql(updateTheme, { id: owner.tenantId, theme: { primaryColor: "#445566" } }));
    assert.equal(field((await templatesOf(owner.gql, station)).theme, "primaryColor").value, "#445566");
    assert.equal(field((await templatesOf(owner.gql, airport)).theme, "primaryColor").value, "#aa0000");

    assertOk(await owner.gql(reset, { t: airport, k: "THEME", f: "primaryColor" }));
    t = await templatesOf(owner.gql, airport);
    assert.deepEqual(field(t.theme, "primaryColor"), { field: "primaryColor", value: "#445566", overridden: false, source: { id: owner.tenantId, name: "chain HQ" } });
  });

  it("starts new lines in every store from the root's line preset; a store's own value wins; reset inherits again", async () => {
    assertOk(
      await owner.gql(setPreset, {
        t: owner.tenantId,
        input: { timeZone: "Europe/Berlin", showEstimates: false, ttl: { waitingSeconds: 3600, warnSeconds: 1800 }, notificationSettings: { called: false } },
      }),
    );
    const stationLine = await createLine(stationManager.gql, station, { name: "Tickets", prefix: "T" });
    const line = assertOk(await stationManager.gql(lineQuery, { id: stationLine })).line;
    assert.equal(line.timeZone, "Europe/Berlin");
    assert.equal(line.showEstimates, false);
    assert.deepEqual(line.ttl, { waitingSeconds: 3600, warnSeconds: 1800 });
    const notify = assertOk(await stationManager.gql(`query($l: ID!) { notificationSettings(lineId: $l) { called joined } }`, { l: stationLine }));
    assert.deepEqual(notify.notificationSettings, { called: false, joined: true });

    // What the input gives wins over the preset.
    const explicit = await createLine(stationManager.gql, station, { name: "Explicit", prefix: "E", timeZone: "UTC", showEstimates: true });
    assert.deepEqual(
      (({ timeZone, showEstimates }) => ({ timeZone, showEstimates }))(assertOk(await stationManager.gql(lineQuery, { id: explicit })).line),
      { timeZone: "UTC", showEstimates: true },
    );

    // The store overrides one field; the rest still comes from the root.
    assertOk(await owner.gql(setPreset, { t: airport, input: { timeZone: "Asia/Tokyo" } }));
    const t = await templatesOf(airportManager.gql, airport);
    assert.deepEqual(field(t.linePreset, "timeZone"), { field: "timeZone", value: "Asia/Tokyo", overridden: true, source: { id: airport, name: "Airport" } });
    assert.equal(field(t.linePreset, "ttl").source?.id, owner.tenantId);
    const airportLine = await createLine(airportManager.gql, airport, { name: "Gate", prefix: "G" });
    assert.equal(assertOk(await airportManager.gql(lineQuery, { id: airportLine })).line.timeZone, "Asia/Tokyo");

    assertOk(await owner.gql(reset, { t: airport, k: "LINE_PRESET", f: "timeZone" }));
    assert.equal(field((await templatesOf(owner.gql, airport)).linePreset, "timeZone").value, "Europe/Berlin");
  });

  it("refuses a bad preset and an unknown field with BAD_USER_INPUT naming the field", async () => {
    const bad = await owner.gql(setPreset, { t: owner.tenantId, input: { timeZone: "Mars/Olympus" } });
    assertCode(bad, "BAD_USER_INPUT");
    assert.equal((bad.errors![0]!.extensions as { fields: { path: string }[] }).fields[0]!.path, "input.timeZone");
    const unknown = await owner.gql(reset, { t: owner.tenantId, k: "THEME", f: "comicSans" });
    assertCode(unknown, "BAD_USER_INPUT");
    assert.equal((unknown.errors![0]!.extensions as { fields: { path: string }[] }).fields[0]!.path, "field");
  });

  it("offers the root's ticket types in every store; a store overrides one by code and hides another", async () => {
    const dep = await createTicketType(owner.gql, owner.tenantId, "DEP");
    const adv = await createTicketType(owner.gql, owner.tenantId, "ADV");
    let t = await templatesOf(airportManager.gql, airport);
    assert.deepEqual(
      t.ticketTypes.map((x) => ({ code: x.code, inherited: x.inherited, source: x.source.id })),
      [
        { code: "ADV", inherited: true, source: owner.tenantId },
        { code: "DEP", inherited: true, source: owner.tenantId },
      ],
    );
    // A store's line may allow the root's type, and its tickets use it.
    const line = await createLine(airportManager.gql, airport, { name: "Desk", prefix: "D", ticketTypeIds: [dep] });
    const ticket = await issueTicket(airportManager.gql, line, { ticketTypeId: dep });
    assert.match(ticket.number, /^D\d+$/);
    const kiosk = assertOk(await api.client()(publicTheme, { slug: airportSlug })).tenantBySlug.lines.find((l: { id: string }) => l.id === line);
    assert.deepEqual(kiosk.ticketTypes, [{ code: "DEP" }]);

    // Override by code: the store's own ADV replaces the root's there.
    const ownAdv = await createTicketType(airportManager.gql, airport, "ADV");
    t = await templatesOf(airportManager.gql, airport);
    assert.deepEqual(t.ticketTypes.find((x) => x.code === "ADV"), { id: ownAdv, code: "ADV", inherited: false, hidden: false, source: { id: airport } });
    assert.equal((await templatesOf(stationManager.gql, station)).ticketTypes.find((x) => x.code === "ADV")!.id, adv, "the sibling keeps the root's");

    // Hide: not offered, not allowed on new lines, not issued on the existing one.
    assertOk(await airportManager.gql(hide, { t: airport, type: dep, h: true }));
    assert.equal((await templatesOf(airportManager.gql, airport)).ticketTypes.find((x) => x.code === "DEP")!.hidden, true);
    assertCode(await airportManager.gql(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, { input: { tenantId: airport, name: "X", prefix: "X", ticketTypeIds: [dep] } }), "BAD_USER_INPUT");
    assertCode(await airportManager.gql(`mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id } }`, { input: { lineId: line, ticketTypeId: dep } }), "BAD_USER_INPUT");
    // Its own type cannot be "hidden" (archive it instead).
    assertCode(await airportManager.gql(hide, { t: airport, type: ownAdv, h: true }), "BAD_USER_INPUT");
    assertOk(await airportManager.gql(hide, { t: airport, type: dep, h: false }));
    await issueTicket(airportManager.gql, line, { ticketTypeId: dep });
  });

  it("validates a store's tickets against the root's custom fields until the store sets its own, and again after a reset", async () => {
    const required = { type: "object", properties: { member: { type: "string" } }, required: ["member"] };
    assertOk(await owner.gql(setSchema, { t: owner.tenantId, s: required }));
    const line = await createLine(stationManager.gql, station, { name: "Fields", prefix: "F" });
    assertCode(await stationManager.gql(`mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id } }`, { input: { lineId: line, extensions: {} } }), "BAD_USER_INPUT");
    await issueTicket(stationManager.gql, line, { extensions: { member: "M-1" } });
    let t = await templatesOf(stationManager.gql, station);
    assert.equal(t.extensionSchema?.source.id, owner.tenantId);
    assert.equal(t.extensionSchema?.overridden, false);

    assertOk(await stationManager.gql(setSchema, { t: station, s: { type: "object", properties: {} } }));
    await issueTicket(stationManager.gql, line, { extensions: {} });
    t = await templatesOf(stationManager.gql, station);
    assert.equal(t.extensionSchema?.source.id, station);
    assert.equal(t.extensionSchema?.overridden, true);

    assertOk(await stationManager.gql(reset, { t: station, k: "EXTENSION_SCHEMA", f: "schema" }));
    t = await templatesOf(stationManager.gql, station);
    assert.equal(t.extensionSchema?.source.id, owner.tenantId);
    assertCode(await stationManager.gql(`mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id } }`, { input: { lineId: line, extensions: {} } }), "BAD_USER_INPUT");
  });

  it("keeps a sibling store's types and templates out of reach, and the chain's out of another account's", async () => {
    const stationOnly = await createTicketType(stationManager.gql, station, "STN");
    // Not inherited sideways: the airport neither sees nor may use the station's type.
    assert.equal((await templatesOf(airportManager.gql, airport)).ticketTypes.some((x) => x.id === stationOnly), false);
    assertCode(await airportManager.gql(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, { input: { tenantId: airport, name: "Y", prefix: "Y", ticketTypeIds: [stationOnly] } }), "BAD_USER_INPUT");
    assertCode(await airportManager.gql(hide, { t: airport, type: stationOnly, h: true }), "BAD_USER_INPUT");
    // A store's manager cannot read a sibling's templates, nor change the root's or a sibling's.
    assertCode(await airportManager.gql(templatesQuery, { id: station }), "NOT_FOUND");
    assertCode(await airportManager.gql(setPreset, { t: owner.tenantId, input: { timeZone: "UTC" } }), "NOT_FOUND");
    assertCode(await airportManager.gql(reset, { t: station, k: "THEME", f: "primaryColor" }), "NOT_FOUND");
    // A manager may not change the store's preset or branding (tenant:update), but may reset its custom fields.
    assertCode(await airportManager.gql(setPreset, { t: airport, input: { timeZone: "UTC" } }), "FORBIDDEN");
    assertCode(await airportManager.gql(reset, { t: airport, k: "LINE_PRESET", f: "timeZone" }), "FORBIDDEN");
    // Another account: nothing.
    assertCode(await rival.gql(templatesQuery, { id: airport }), "NOT_FOUND");
    assertCode(await rival.gql(setPreset, { t: owner.tenantId, input: { timeZone: "UTC" } }), "NOT_FOUND");
    assertCode(await rival.gql(hide, { t: airport, type: stationOnly, h: true }), "NOT_FOUND");
    assertCode(await api.client()(templatesQuery, { id: airport }), "UNAUTHENTICATED");
  });
});

describe("the chain's stores: the switcher's subtree and the roll-up, paged", () => {
  let api: TestApi;
  let owner: Persona;
  let rival: Persona;
  const stores: string[] = [];
  const descendantsQuery = `query($id: ID!, $first: Int, $after: String, $search: String) { tenant(id: $id) { descendants(first: $first, after: $after, search: $search) {
    totalCount nodes { id name depth } pageInfo { hasNextPage endCursor } } } }`;
  const rollup = `query($t: ID!, $first: Int, $after: String) { chainAnalytics(tenantId: $t, from: "${new Date(Date.now() - 86_400_000).toISOString()}", to: "${new Date(Date.now() + 86_400_000).toISOString()}", first: $first, after: $after) {
    totalStores stores { tenant { id name } analytics { issued } } pageTotals { tenantCount } pageInfo { hasNextPage endCursor } } }`;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "chain");
    rival = await signUpPersona(api, "rival");
    const region = await createSubtenant(owner, owner.tenantId, "Region North");
    stores.push(region);
    for (let i = 1; i <= 5; i++) stores.push(await createSubtenant(owner, region, `Store ${i}`));
    stores.push(await createSubtenant(owner, owner.tenantId, "Airport"));
  });
  after(() => api.close());

  it("pages the whole subtree in tree order, each store after its parent, and searches it", async () => {
    const seen: { id: string; depth: number }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { totalCount: number; nodes: { id: string; depth: number }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = assertOk(
        await owner.gql(descendantsQuery, { id: owner.tenantId, first: 3, after }),
      ).tenant.descendants;
      assert.equal(page.totalCount, 7);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.deepEqual(new Set(seen.map((s) => s.id)), new Set(stores));
    const regionAt = seen.findIndex((s) => s.id === stores[0]);
    assert.deepEqual(seen.slice(regionAt + 1, regionAt + 6).map((s) => s.depth), [2, 2, 2, 2, 2], "the region's stores follow it");
    const found = assertOk(await owner.gql(descendantsQuery, { id: owner.tenantId, search: "store 3" })).tenant.descendants;
    assert.deepEqual(found.nodes.map((n: { name: string }) => n.name), ["Store 3"]);
    assertCode(await owner.gql(descendantsQuery, { id: owner.tenantId, first: 0 }), "BAD_USER_INPUT");
    assertCode(await owner.gql(descendantsQuery, { id: owner.tenantId, after: "not-a-cursor" }), "BAD_USER_INPUT");
    assertCode(await rival.gql(descendantsQuery, { id: owner.tenantId }), "NOT_FOUND");
  });

  it("rolls the chain up store by store, a page at a time, the root first", async () => {
    const line = await createLine(owner.gql, stores[3]!);
    await issueTicket(owner.gql, line);
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: { totalStores: number; stores: { tenant: { id: string }; analytics: { issued: number } }[]; pageTotals: { tenantCount: number }; pageInfo: { hasNextPage: boolean; endCursor: string } } =
        assertOk(await owner.gql(rollup, { t: owner.tenantId, first: 3, after })).chainAnalytics;
      assert.equal(page.totalStores, 8);
      assert.equal(page.pageTotals.tenantCount, page.stores.length);
      ids.push(...page.stores.map((s) => s.tenant.id));
      for (const s of page.stores) assert.equal(s.analytics.issued, s.tenant.id === stores[3] ? 1 : 0);
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.equal(pages, 3);
    assert.equal(ids[0], owner.tenantId);
    assert.deepEqual(new Set(ids), new Set([owner.tenantId, ...stores]));
    assertCode(await owner.gql(rollup, { t: owner.tenantId, first: 51 }), "BAD_USER_INPUT");
    assertCode(await rival.gql(rollup, { t: owner.tenantId }), "NOT_FOUND");
    // A store's viewer rolls up only its own subtree.
    const viewer = await memberPersona(api, owner, stores[0]!, "VIEWER");
    const sub = assertOk(await viewer.gql(rollup, { t: stores[0], first: 50 })).chainAnalytics;
    assert.equal(sub.totalStores, 6);
    assertCode(await viewer.gql(rollup, { t: owner.tenantId }), "NOT_FOUND");
  });

  it("covers a chain past the 50 tenants tenantAnalytics sums at once: 61 tenants in two pages", async () => {
    const big = await signUpPersona(api, "bigchain");
    for (let i = 0; i < 60; i++) await createSubtenant(big, big.tenantId, `Store ${String(i).padStart(2, "0")}`);
    const summed = await big.gql(`query($t: ID!) { tenantAnalytics(tenantId: $t, from: "${new Date(Date.now() - 86_400_000).toISOString()}", to: "${new Date().toISOString()}", includeSubtree: true) { tenantCount } }`, { t: big.tenantId });
    assertCode(summed, "LIMIT_EXCEEDED");
    const first = assertOk(await big.gql(rollup, { t: big.tenantId, first: 50 })).chainAnalytics;
    assert.equal(first.totalStores, 61);
    assert.equal(first.stores.length, 50);
    assert.equal(first.pageInfo.hasNextPage, true);
    const second = assertOk(await big.gql(rollup, { t: big.tenantId, first: 50, after: first.pageInfo.endCursor })).chainAnalytics;
    assert.equal(second.stores.length, 11);
    assert.equal(second.pageInfo.hasNextPage, false);
    const ids = [...first.stores, ...second.stores].map((s: { tenant: { id: string } }) => s.tenant.id);
    assert.equal(new Set(ids).size, 61);
  });
});
