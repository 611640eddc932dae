/**
 * WebSocket admission (connection-limits.ts): a message over LIMIT_REQUEST_BYTES is refused from its frame
 * header, without buffering the payload; sockets are capped per IP (refused at the upgrade) and per actor
 * (closed with 1013 once connection_init names the actor).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { after, before, describe, it } from "node:test";
import WebSocket from "ws";
import { defaultLimits } from "../../limits.js";
import { signUpPersona, startTestApi, testConfig, type Persona, type TestApi } from "../../__tests__/harness.js";

/** A graphql-ws socket after connection_init: "ack" or the close code the server answered with. */
async function initSocket(api: TestApi, token?: string): Promise<{ socket: WebSocket; outcome: "ack" | number }> {
  const socket = new WebSocket(api.server.wsUrl, "graphql-transport-ws");
  const outcome = await new Promise<"ack" | number>((resolve, reject) => {
    socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: token ? { authorization: `Bearer ${token}` } : {} })));
    socket.on("message", (data) => {
      if (JSON.parse(String(data)).type === "connection_ack") resolve("ack");
    });
    socket.once("close", (code) => resolve(code));
    socket.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    socket.once("error", reject);
  });
  return { socket, outcome };
}

const closeSocket = (socket: WebSocket) =>
  new Promise<void>((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) return resolve();
    socket.once("close", () => resolve());
    socket.close();
  });

describe("WebSocket message size", () => {
  let api: TestApi;
  let owner: Persona;
  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "wsize");
  });
  after(() => api.close());

  it("closes with 1009 a subscribe message over the HTTP body limit, and keeps serving others", async () => {
    const { socket, outcome } = await initSocket(api, owner.token);
    assert.equal(outcome, "ack");
    const closed = new Promise<number>((resolve) => socket.once("close", resolve));
    socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: `{ me { id } }`, variables: { pad: "x".repeat(defaultLimits.requestBytes) } } }));
    assert.equal(await closed, 1009);
    const next = await initSocket(api, owner.token);
    assert.equal(next.outcome, "ack");
    await closeSocket(next.socket);
  });

  it("refuses twelve 90 MB frames from their headers: the server never buffers the payload", async () => {
    const { port } = api.server;
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < 12; i++) {
      const closeCode = await new Promise<number>((resolve, reject) => {
        const tcp = connect(port, "127.0.0.1");
        let response = Buffer.alloc(0);
        let upgraded = false;
        tcp.on("error", reject);
        tcp.on("connect", () =>
          tcp.write(
            `GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
          ),
        );
        tcp.on("data", (chunk: Buffer) => {
          response = Buffer.concat([response, chunk]);
          if (!upgraded) {
            const end = response.indexOf("\r\n\r\n");
            if (end < 0) return;
            assert.match(response.subarray(0, end).toString(), /^HTTP\/1.1 101/);
            upgraded = true;
            response = response.subarray(end + 4);
            // A masked text frame announcing 90 MB, then the first 64 KiB of it.
            const header = Buffer.alloc(14);
            header[0] = 0x81;
            header[1] = 0x80 | 127;
            header.writeBigUInt64BE(BigInt(90 * 1024 * 1024), 2);
            randomBytes(4).copy(header, 10);
            tcp.write(Buffer.concat([header, Buffer.alloc(64 * 1024, 0x20)]));
          }
          // The server's close frame: 0x88, length, then the 2-byte code.
          if (upgraded && response.length >= 4 && response[0] === 0x88) {
            resolve(response.readUInt16BE(2));
            tcp.destroy();
          }
        });
      });
      assert.equal(closeCode, 1009);
    }
    const grownMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    console.log(`[ws-limits] twelve 90 MB frames refused; RSS grew ${grownMb.toFixed(1)} MB`);
    assert.ok(grownMb < 64, `RSS grew ${grownMb} MB`); // buffering them took 1.5 GB before
  });
});

describe("WebSocket connections per IP and per actor", () => {
  let api: TestApi;
  let owner: Persona;
  let other: Persona;
  const open: WebSocket[] = [];
  before(async () => {
    api = await startTestApi({ limits: { ...testConfig().limits, wsConnectionsPerIp: 4, wsConnectionsPerActor: 2 } });
    owner = await signUpPersona(api, "wsconn");
    other = await signUpPersona(api, "wsother");
  });
  after(async () => {
    await Promise.all(open.map(closeSocket));
    await api.close();
  });

  it("closes an actor's socket over its quota with 1013; other actors still connect", async () => {
    for (let i = 0; i < 2; i++) {
      const { socket, outcome } = await initSocket(api, owner.token);
      open.push(socket);
      assert.equal(outcome, "ack");
    }
    const third = await initSocket(api, owner.token);
    assert.equal(third.outcome, 1013);
    const others = await initSocket(api, other.token);
    open.push(others.socket);
    assert.equal(others.outcome, "ack");
  });


  it("refuses the upgrade over the per-IP cap with 503, and admits again once a socket closes", async () => {
    // Open now: owner ×2, other ×1 (the refused third socket was closed and released).
    const fourth = await initSocket(api, other.token);
    open.push(fourth.socket);
    assert.equal(fourth.outcome, "ack");
    assert.equal((await initSocket(api)).outcome, 503);
    await closeSocket(open.shift()!);
    // The server counts the socket out when its TCP connection closes, just after the client sees the close.
    let outcome: "ack" | number = 503;
    for (let attempt = 0; attempt < 50 && outcome === 503; attempt++) {
      const next = await initSocket(api);
      outcome = next.outcome;
      if (outcome === "ack") open.push(next.socket);
      else await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(outcome, "ack");
  });
});

describe("anonymous WebSockets", () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi({ limits: { ...testConfig().limits, wsConnectionsPerIp: 10, wsConnectionsPerActor: 1 } });
  });
  after(() => api.close());

  it("counts only against the per-IP cap (customers' phones share carrier NAT addresses), while a user's second socket is refused", async () => {
    const owner = await signUpPersona(api, "wsanon");
    const sockets = [await initSocket(api), await initSocket(api), await initSocket(api, owner.token)];
    assert.deepEqual(sockets.map((s) => s.outcome), ["ack", "ack", "ack"]);
    const second = await initSocket(api, owner.token);
    assert.equal(second.outcome, 1013);
    await Promise.all(sockets.map(({ socket }) => closeSocket(socket)));
  });
});
