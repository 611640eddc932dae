import { describe, expect, it, vi } from "vitest";
import { ServerError } from "@apollo/client/errors";
import { parse } from "graphql";
import { createApollo } from "../apollo";
import { credentialRejected } from "../connection";
import { toProblem } from "../errors";
import { applyTheme, safeColour, safeFont, safeLogoUrl } from "../theme";
import { speakableNumber } from "../audio";

function fakeEnvironment() {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: "visible" as DocumentVisibilityState });
  return { win, doc };
}

describe("createApollo wakes up after sleep and network changes", () => {
  it("refetches active queries on `online` and when the page becomes visible, not when hidden", () => {
    const { win, doc } = fakeEnvironment();
    const setup = createApollo({ httpUrl: "http://api.test/graphql", wsUrl: "ws://api.test/graphql", deviceKey: null, events: { window: win as unknown as Window, document: doc as unknown as Document } });
    const refetch = vi.spyOn(setup.client, "refetchObservableQueries").mockResolvedValue([]);

    win.dispatchEvent(new Event("online"));
    expect(refetch).toHaveBeenCalledTimes(1);

    doc.visibilityState = "hidden";
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(refetch).toHaveBeenCalledTimes(1);

    doc.visibilityState = "visible";
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(refetch).toHaveBeenCalledTimes(2);

    setup.dispose();
    win.dispatchEvent(new Event("online"));
    expect(refetch).toHaveBeenCalledTimes(2);
  });

  it("refetches active queries when the wall clock jumped (asleep with the page visible: no visibility event)", () => {
    vi.useFakeTimers({ now: Date.parse("2026-11-22T12:00:00Z") });
    try {
      const { win, doc } = fakeEnvironment();
      const setup = createApollo({ httpUrl: "http://api.test/graphql", wsUrl: "ws://api.test/graphql", deviceKey: null, events: { window: win as unknown as Window, document: doc as unknown as Document } });
      const refetch = vi.spyOn(setup.client, "refetchObservableQueries").mockResolvedValue([]);
      vi.advanceTimersByTime(60_000);
      expect(refetch).not.toHaveBeenCalled();
      vi.setSystemTime(Date.now() + 10 * 60_000);
      vi.advanceTimersByTime(10_000);
      expect(refetch).toHaveBeenCalledTimes(1);
      setup.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("theme", () => {
  it("accepts plain colours, fonts and http(s) logos only", () => {
    expect(safeColour("#0b5563")).toBe("#0b5563");
    expect(safeColour("rgb(1, 2, 3)")).toBe("rgb(1, 2, 3)");
    expect(safeColour("red; background: url(x)")).toBeNull();
    expect(safeFont('"Open Sans", sans-serif')).toBe('"Open Sans", sans-serif');
    expect(safeFont("x; } body { display:none")).toBeNull();
    expect(safeLogoUrl("https://cdn.test/logo.png")).toBe("https://cdn.test/logo.png");
    expect(safeLogoUrl("javascript:alert(1)")).toBeNull();
  });

  it("sets and clears the CSS variables", () => {
    const root = document.createElement("div");
    const restore = applyTheme({ primaryColor: "#111111", accentColor: "bad;", fontFamily: "Georgia" }, root);
    expect(root.style.getPropertyValue("--brand-primary")).toBe("#111111");
    expect(root.style.getPropertyValue("--brand-accent")).toBe("");
    expect(root.style.getPropertyValue("--brand-font")).toBe("Georgia");
    restore();
    expect(root.style.getPropertyValue("--brand-primary")).toBe("");
  });
});

describe("announcements", () => {
  it("reads ticket numbers as letter and number", () => {
    expect(speakableNumber("A007")).toBe("A 7");
    expect(speakableNumber("AB120")).toBe("AB 120");
    expect(speakableNumber("42")).toBe("42");
  });
});

describe("a refused device key is not a network error", () => {
  it("reads HTTP 401/403 answers as UNAUTHENTICATED/FORBIDDEN, a 502 as NETWORK", () => {
    const answer = (status: number, body: string) => new ServerError("failed", { response: new Response(body, { status }), bodyText: body });
    const body = JSON.stringify({ errors: [{ message: "API key revoked", extensions: { code: "UNAUTHENTICATED" } }] });
    expect(toProblem(answer(401, body)).code).toBe("UNAUTHENTICATED");
    expect(toProblem(answer(401, "Unauthorized")).code).toBe("UNAUTHENTICATED");
    expect(toProblem(answer(403, "Forbidden")).code).toBe("FORBIDDEN");
    expect(toProblem(answer(502, "Bad gateway")).code).toBe("NETWORK");
  });

  it("marks the credential rejected when a request with the device key answers UNAUTHENTICATED, not on a network failure", async () => {
    const { win, doc } = fakeEnvironment();
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal("fetch", fetchMock);
    // The device's eager live socket: one that stays connecting (this test is about HTTP answers).
    vi.stubGlobal(
      "WebSocket",
      class {
        static readonly OPEN = 1;
        readyState = 0;
        close() {}
        send() {}
        addEventListener() {}
        removeEventListener() {}
      },
    );
    try {
      const setup = createApollo({ httpUrl: "http://api.test/graphql", wsUrl: "ws://127.0.0.1:9/graphql", deviceKey: "qk_bad", events: { window: win as unknown as Window, document: doc as unknown as Document } });
      // Any query will do (built with parse, so codegen does not take it for an app operation).
      const query = parse("query Probe { currentDevice { id } }");
      expect(credentialRejected.get()).toBe(false);

      fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
      await setup.client.query({ query, fetchPolicy: "network-only" }).catch(() => undefined);
      expect(credentialRejected.get()).toBe(false);

      const refused = JSON.stringify({ errors: [{ message: "API key revoked", extensions: { code: "UNAUTHENTICATED" } }] });
      fetchMock.mockResolvedValueOnce(new Response(refused, { status: 401, headers: { "content-type": "application/graphql-response+json" } }));
      await setup.client.query({ query, fetchPolicy: "network-only" }).catch(() => undefined);
      expect(credentialRejected.get()).toBe(true);
      setup.dispose();

      // A new key (Pair again, a new pairing) starts unrefused.
      createApollo({ httpUrl: "http://api.test/graphql", wsUrl: "ws://127.0.0.1:9/graphql", deviceKey: null, events: { window: win as unknown as Window, document: doc as unknown as Document } }).dispose();
      expect(credentialRejected.get()).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("the device's live socket closed for its credential", () => {
  it("marks the key rejected on 4401 (revoked) and 4403 (refused at connect), not on a dropped connection (1006)", () => {
    const sockets: { onclose: ((event: unknown) => void) | null }[] = [];
    vi.stubGlobal(
      "WebSocket",
      class {
        static readonly OPEN = 1;
        readyState = 0;
        onclose: ((event: unknown) => void) | null = null;
        constructor() {
          sockets.push(this);
        }
        close() {}
        send() {}
      },
    );
    try {
      const { win, doc } = fakeEnvironment();
      const events = { window: win as unknown as Window, document: doc as unknown as Document };
      for (const [code, rejected] of [
        [1006, false],
        [4401, true],
        [4403, true],
      ] as const) {
        const setup = createApollo({ httpUrl: "http://api.test/graphql", wsUrl: "ws://api.test/graphql", deviceKey: "qk_key", events });
        const socket = sockets.at(-1)!;
        expect(credentialRejected.get()).toBe(false);
        socket.onclose?.({ code, reason: "closed", wasClean: code !== 1006 });
        expect(credentialRejected.get(), `close ${code}`).toBe(rejected);
        setup.dispose();
      }
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
