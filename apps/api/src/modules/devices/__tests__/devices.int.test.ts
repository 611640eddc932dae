/**
 * Devices: the admin names a kiosk or display and gets a single-use, short-lived pairing link; the device
 * exchanges it (public, rate-limited) for its own API key with its kind's scopes, once. Revoking the device
 * refuses its next request and closes its live socket with 4401. Another tenant can neither see nor touch a
 * device, and a pairing token only ever yields a key of its own tenant.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { assertCode, assertOk, memberPersona, signUpPersona, startTestApi, testConfig, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { collect, createLine, issueMutation, issueTicket, until } from "../../tickets/__tests__/queue-fixtures.js";
import { REVOKED_CLOSE_CODE } from "../../../subscriptions/live-access.js";

const createDevice = `mutation($t: ID!, $input: CreateDeviceInput!) {
  createDevice(tenantId: $t, input: $input) { pairingUrl expiresAt device { id kind lineIds message pairedAt lastSeenAt pairingExpiresAt revokedAt } }
}`;
const pairDevice = `mutation($token: String!) { pairDevice(token: $token) { deviceId name kind tenantId tenantSlug lineIds apiKey } }`;
const revokeDevice = `mutation($id: ID!) { revokeDevice(id: $id) { id revokedAt } }`;
const renew = `mutation($id: ID!) { renewDevicePairing(id: $id) { pairingUrl expiresAt } }`;
const listDevices = `query($t: ID!) { tenant(id: $t) { devices { id name kind lineIds lastSeenAt pairedAt revokedAt pairingExpiresAt } } }`;
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

describe("devices", () => {
  let api: TestApi;
  let owner: Persona;
  let rival: Persona;
  let lineId: string;
  const clients: Client[] = [];

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "devices");
    rival = await signUpPersona(api, "rival");
    lineId = await createLine(owner.gql, owner.tenantId);
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await api.close();
  });

  async function create(kind: "KIOSK" | "DISPLAY", extra: Record<string, unknown> = {}, persona = owner, tenantId = owner.tenantId) {
    return assertOk(await persona.gql(createDevice, { t: tenantId, input: { name: `Front ${kind.toLowerCase()}`, kind, lineIds: [lineId], ...extra } })).createDevice;
  }
  const anonymous = () => api.client();

  it("creates a device with a pairing link under QLINE_PUBLIC_URL/pair/, expiring in 15 minutes", async () => {
    const before = Date.now();
    const created = await create("DISPLAY", { message: "Welcome!" });
    assert.match(created.pairingUrl, new RegExp(`^${api.config.publicUrl}/pair/[A-Za-z0-9_-]{43}$`));
    const ttl = Date.parse(created.expiresAt) - before;
    assert.ok(ttl > 14 * 60_000 && ttl <= 15 * 60_000 + 5_000, `expires in ~15 min (got ${ttl} ms)`);
    assert.deepEqual(
      { kind: created.device.kind, lineIds: created.device.lineIds, message: created.device.message, pairedAt: created.device.pairedAt },
      { kind: "DISPLAY", lineIds: [lineId], message: "Welcome!", pairedAt: null },
    );
    const listed = assertOk(await owner.gql(listDevices, { t: owner.tenantId })).tenant.devices;
    const row = listed.find((d: { id: string }) => d.id === created.device.id);
    assert.equal(row.pairingExpiresAt, created.expiresAt);
    assert.equal(JSON.stringify(listed).includes(tokenOf(created.pairingUrl)), false, "the token is never listed");
  });

  it("exchanges the token once for a key with the kind's scopes: a display reads numbers but no personal data and cannot issue", async () => {
    const display = await create("DISPLAY");
    const paired = assertOk(await anonymous()(pairDevice, { token: tokenOf(display.pairingUrl) })).pairDevice;
    assert.deepEqual(
      { kind: paired.kind, tenantId: paired.tenantId, tenantSlug: paired.tenantSlug, lineIds: paired.lineIds, deviceId: paired.deviceId },
      { kind: "DISPLAY", tenantId: owner.tenantId, tenantSlug: owner.slug, lineIds: [lineId], deviceId: display.device.id },
    );
    assert.match(paired.apiKey, /^qk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const asDisplay = api.client(`ApiKey ${paired.apiKey}`);
    const ticket = await issueTicket(owner.gql, lineId);
    const read = assertOk(await asDisplay(`query($l: ID!) { line(id: $l) { tickets(first: 5) { nodes { number } } } }`, { l: lineId }));
    assert.deepEqual(read.line.tickets.nodes.map((n: { number: string }) => n.number), [ticket.number]);
    assertCode(await asDisplay(`query($id: ID!) { ticket(id: $id) { customerName } }`, { id: ticket.id }), "FORBIDDEN");
    assertCode(await asDisplay(issueMutation, { input: { lineId, idempotencyKey: "display-1" } }), "FORBIDDEN");
    assert.deepEqual(assertOk(await asDisplay(`{ currentDevice { id kind lineIds } }`)).currentDevice, { id: display.device.id, kind: "DISPLAY", lineIds: [lineId] });

    const again = await anonymous()(pairDevice, { token: tokenOf(display.pairingUrl) });
    assertCode(again, "LINK_EXPIRED");
    assert.match(again.errors![0]!.message, /already used/);
    const listed = assertOk(await owner.gql(listDevices, { t: owner.tenantId })).tenant.devices.find((d: { id: string }) => d.id === display.device.id);
    assert.ok(listed.pairedAt && listed.lastSeenAt, "paired and seen");
    assert.equal(listed.pairingExpiresAt, null, "no pending link once used");
  });

  it("gives a kiosk the right to issue tickets", async () => {
    const kiosk = await create("KIOSK");
    const { apiKey } = assertOk(await anonymous()(pairDevice, { token: tokenOf(kiosk.pairingUrl) })).pairDevice;
    const issued = assertOk(await api.client(`ApiKey ${apiKey}`)(issueMutation, { input: { lineId, idempotencyKey: "kiosk-1" } }));
    assert.match(issued.issueTicket.number, /^[A-Z]*\d+$/);
  });

  it("refuses an expired token with LINK_EXPIRED and an unknown or malformed one with NOT_FOUND", async () => {
    // A second API on the same database whose links expire at once (no waiting for 15 minutes).
    const instant = await startTestApi({ devicePairingTtlSeconds: 0 }, { database: api.database });
    try {
      const created = assertOk(await instant.client(`Bearer ${owner.token}`)(createDevice, { t: owner.tenantId, input: { name: "Late", kind: "KIOSK" } })).createDevice;
      const res = await anonymous()(pairDevice, { token: tokenOf(created.pairingUrl) });
      assertCode(res, "LINK_EXPIRED");
      assert.match(res.errors![0]!.message, /expired/);
    } finally {
      await instant.close();
    }
    assertCode(await anonymous()(pairDevice, { token: "A".repeat(43) }), "NOT_FOUND");
    assertCode(await anonymous()(pairDevice, { token: "not a token" }), "NOT_FOUND");
  });

  it("revokes: the device's next request is UNAUTHENTICATED and its live socket closes with 4401; its pending link is void", async () => {
    const display = await create("DISPLAY");
    const { apiKey } = assertOk(await anonymous()(pairDevice, { token: tokenOf(display.pairingUrl) })).pairDevice;
    const closeCodes: number[] = [];
    const client = createClient({
      url: api.server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: { authorization: `ApiKey ${apiKey}` },
      on: { closed: (event) => closeCodes.push((event as { code: number }).code) },
    });
    clients.push(client);
    const stream = collect(client, `subscription($l: ID!) { lineUpdated(lineId: $l) { kind } }`, { l: lineId });
    await stream.probe(() => issueTicket(owner.gql, lineId).then(() => undefined));
    const renewed = assertOk(await owner.gql(renew, { id: display.device.id })).renewDevicePairing;

    const revoked = assertOk(await owner.gql(revokeDevice, { id: display.device.id })).revokeDevice;
    assert.ok(revoked.revokedAt);
    const res = await api.client(`ApiKey ${apiKey}`)(`{ currentDevice { id } }`);
    assertCode(res, "UNAUTHENTICATED");
    await stream.failure();
    assert.deepEqual(await until("the close", () => (closeCodes.length ? closeCodes : undefined)), [REVOKED_CLOSE_CODE]);
    assertCode(await anonymous()(pairDevice, { token: tokenOf(renewed.pairingUrl) }), "LINK_EXPIRED");
    assertCode(await owner.gql(renew, { id: display.device.id }), "CONFLICT");
  });

  it("re-pairing revokes the previous key once the new link is used", async () => {
    const kiosk = await create("KIOSK");
    const first = assertOk(await anonymous()(pairDevice, { token: tokenOf(kiosk.pairingUrl) })).pairDevice.apiKey;
    const renewed = assertOk(await owner.gql(renew, { id: kiosk.device.id })).renewDevicePairing;
    assertCode(await anonymous()(pairDevice, { token: tokenOf(kiosk.pairingUrl) }), "NOT_FOUND"); // the old link is gone
    assertOk(await api.client(`ApiKey ${first}`)(`{ currentDevice { id } }`)); // still paired until the new link is used
    const second = assertOk(await anonymous()(pairDevice, { token: tokenOf(renewed.pairingUrl) })).pairDevice.apiKey;
    assertCode(await api.client(`ApiKey ${first}`)(`{ currentDevice { id } }`), "UNAUTHENTICATED");
    assert.equal(assertOk(await api.client(`ApiKey ${second}`)(`{ currentDevice { id } }`)).currentDevice.id, kiosk.device.id);
  });

  it("validates input: names, lines of this tenant only, message length", async () => {
    const rivalLine = await createLine(rival.gql, rival.tenantId);
    const foreign = await owner.gql(createDevice, { t: owner.tenantId, input: { name: "X", kind: "DISPLAY", lineIds: [lineId, rivalLine] } });
    assertCode(foreign, "BAD_USER_INPUT");
    assert.equal(foreign.errors![0]!.extensions!.fields![0]!.path, "input.lineIds.1");
    const blank = await owner.gql(createDevice, { t: owner.tenantId, input: { name: "  ", kind: "DISPLAY", message: "x".repeat(501) } });
    assertCode(blank, "BAD_USER_INPUT");
    assert.deepEqual(blank.errors![0]!.extensions!.fields!.map((f) => f.path), ["input.name", "input.message"]);
    assertCode(await owner.gql(createDevice, { t: owner.tenantId, input: { name: "X", kind: "PRINTER" } }), "BAD_USER_INPUT");
  });

  it("needs devices:manage: a manager sets up devices, staff are FORBIDDEN, an anonymous caller UNAUTHENTICATED", async () => {
    const manager = await memberPersona(api, owner, owner.tenantId, "MANAGER");
    const made = assertOk(await manager.gql<{ createDevice: { device: { id: string } } }>(createDevice, { t: owner.tenantId, input: { name: "Store kiosk", kind: "KIOSK" } }));
    assert.ok(assertOk(await manager.gql<{ tenant: { devices: { id: string }[] } }>(listDevices, { t: owner.tenantId })).tenant.devices.some((d) => d.id === made.createDevice.device.id));
    assertCode(await manager.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "k", scopes: ["tickets:issue"]) { secret } }`, { t: owner.tenantId }), "FORBIDDEN");
    const staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
    assertCode(await staff.gql(createDevice, { t: owner.tenantId, input: { name: "X", kind: "KIOSK" } }), "FORBIDDEN");
    assertCode(await staff.gql(listDevices, { t: owner.tenantId }), "FORBIDDEN");
    assertCode(await anonymous()(createDevice, { t: owner.tenantId, input: { name: "X", kind: "KIOSK" } }), "UNAUTHENTICATED");
  });

  it("another tenant cannot create, list, renew, update or revoke a device (NOT_FOUND), and a token yields only its own tenant", async () => {
    const kiosk = await create("KIOSK");
    assertCode(await rival.gql(createDevice, { t: owner.tenantId, input: { name: "X", kind: "KIOSK" } }), "NOT_FOUND");
    assertCode(await rival.gql(listDevices, { t: owner.tenantId }), "NOT_FOUND");
    assertCode(await rival.gql(revokeDevice, { id: kiosk.device.id }), "NOT_FOUND");
    assertCode(await rival.gql(renew, { id: kiosk.device.id }), "NOT_FOUND");
    assertCode(await rival.gql(`mutation($id: ID!) { updateDevice(id: $id, input: { message: "hi" }) { id } }`, { id: kiosk.device.id }), "NOT_FOUND");
    assert.deepEqual(assertOk(await rival.gql(listDevices, { t: rival.tenantId })).tenant.devices, []);

    // The owner's kiosk, paired, reads its own tenant only: the rival's tenant and line are NOT_FOUND.
    const { apiKey, tenantId } = assertOk(await anonymous()(pairDevice, { token: tokenOf(kiosk.pairingUrl) })).pairDevice;
    assert.equal(tenantId, owner.tenantId);
    const asKiosk = api.client(`ApiKey ${apiKey}`);
    const rivalLine = await createLine(rival.gql, rival.tenantId);
    assertCode(await asKiosk(`query($t: ID!) { tenant(id: $t) { id } }`, { t: rival.tenantId }), "NOT_FOUND");
    assertCode(await asKiosk(issueMutation, { input: { lineId: rivalLine, idempotencyKey: "cross-1" } }), "NOT_FOUND");
    // The device is still the owner's, untouched by the rival's attempts.
    const mine = assertOk(await owner.gql(listDevices, { t: owner.tenantId })).tenant.devices.find((d: { id: string }) => d.id === kiosk.device.id);
    assert.equal(mine.revokedAt, null);
  });

  it("updates the display's message strip and lines", async () => {
    const display = await create("DISPLAY");
    const otherLine = await createLine(owner.gql, owner.tenantId);
    const updated = assertOk(await owner.gql(`mutation($id: ID!, $l: [ID!]) { updateDevice(id: $id, input: { message: "Closed at 6", lineIds: $l }) { message lineIds } }`, { id: display.device.id, l: [lineId, otherLine] }));
    assert.deepEqual(updated.updateDevice, { message: "Closed at 6", lineIds: [lineId, otherLine] });
    const cleared = assertOk(await owner.gql(`mutation($id: ID!) { updateDevice(id: $id, input: { message: "" }) { message } }`, { id: display.device.id }));
    assert.equal(cleared.updateDevice.message, null);
  });

  it("limits pairing attempts per address like login (LIMIT_EXCEEDED), so tokens cannot be guessed in bulk", async () => {
    const strict = await startTestApi({ rateLimits: { ...testConfig().rateLimits, loginPerIpPerMinute: 3 } }, { database: api.database });
    try {
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) codes.push((await strict.client()(pairDevice, { token: `${"B".repeat(42)}${i}` })).errors?.[0]?.extensions?.code ?? "OK");
      assert.deepEqual(codes, ["NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "LIMIT_EXCEEDED", "LIMIT_EXCEEDED"]);
    } finally {
      await strict.close();
    }
  });

  it("lets any key read its own device without display:read, and a plain key reads none", async () => {
    const kiosk = await create("KIOSK");
    const { apiKey } = assertOk(await anonymous()(pairDevice, { token: tokenOf(kiosk.pairingUrl) })).pairDevice;
    assert.equal(assertOk(await api.client(`ApiKey ${apiKey}`)(`{ currentDevice { id } }`)).currentDevice.id, kiosk.device.id);
    const plain = assertOk(await owner.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "issuer", scopes: ["tickets:issue"]) { secret } }`, { t: owner.tenantId })).createApiKey.secret;
    assert.equal(assertOk(await api.client(`ApiKey ${plain}`)(`{ currentDevice { id } }`)).currentDevice, null);
    assert.equal(assertOk(await owner.gql(`{ currentDevice { id } }`)).currentDevice, null);
  });
});
