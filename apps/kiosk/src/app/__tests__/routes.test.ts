import { describe, expect, it } from "vitest";
import { joinLinePath, navigate, parseRoute, slugFromHost, tenantPath, ticketUrl } from "../routes";

const at = (pathname: string, hostname = "127.0.0.1", search = "") => ({ pathname, hostname, search });

describe("parseRoute by path", () => {
  it("finds the tenant pages under /t/<slug>", () => {
    expect(parseRoute(at("/t/demo-coffee"), null)).toEqual({ name: "landing", slug: "demo-coffee", viaHost: false });
    expect(parseRoute(at("/t/demo-coffee/kiosk"), null)).toEqual({ name: "kiosk", slug: "demo-coffee", viaHost: false });
    expect(parseRoute(at("/t/Demo-Coffee/display/"), null)).toEqual({ name: "display", slug: "demo-coffee", viaHost: false });
  });

  it("reads a device's pairing link", () => {
    expect(parseRoute(at("/pair/AbC-_9"), null)).toEqual({ name: "pair", token: "AbC-_9", viaHost: false });
    expect(parseRoute(at("/pair/AbC", "demo-coffee.qline.app"), "qline.app")).toEqual({ name: "pair", token: "AbC", viaHost: true });
    expect(parseRoute(at("/pair"), null)).toEqual({ name: "notFound" });
  });

  it("reads the customer page and its branding hint", () => {
    expect(parseRoute(at("/ticket/abc123", "127.0.0.1", "?t=demo-coffee"), null)).toEqual({ name: "ticket", code: "abc123", slug: "demo-coffee", viaHost: false });
    expect(parseRoute(at("/ticket/abc123"), null)).toEqual({ name: "ticket", code: "abc123", slug: null, viaHost: false });
  });

  it("finds the join list and one line's join form", () => {
    expect(parseRoute(at("/t/demo-coffee/join"), null)).toEqual({ name: "join", slug: "demo-coffee", viaHost: false });
    expect(parseRoute(at("/t/Demo-Coffee/join/"), null)).toEqual({ name: "join", slug: "demo-coffee", viaHost: false });
    expect(parseRoute(at("/t/demo-coffee/join/line-1"), null)).toEqual({ name: "joinLine", slug: "demo-coffee", lineId: "line-1", viaHost: false });
    // The line id is kept as written (ids are case-sensitive), and decoded.
    expect(parseRoute(at("/t/demo-coffee/join/Ab%20C"), null)).toEqual({ name: "joinLine", slug: "demo-coffee", lineId: "Ab C", viaHost: false });
    expect(parseRoute(at("/t/demo-coffee/join/l1/extra"), null)).toEqual({ name: "notFound" });
    expect(parseRoute(at("/join"), null)).toEqual({ name: "notFound" });
  });

  it("knows home and unknown pages", () => {
    expect(parseRoute(at("/"), null)).toEqual({ name: "home" });
    expect(parseRoute(at("/t/x/admin"), null)).toEqual({ name: "notFound" });
    expect(parseRoute(at("/kiosk"), null)).toEqual({ name: "notFound" });
  });
});

describe("parseRoute by host (VITE_BASE_DOMAIN)", () => {
  it("takes the slug from <slug>.<base domain>", () => {
    expect(slugFromHost("demo-coffee.qline.app", "qline.app")).toBe("demo-coffee");
    expect(slugFromHost("qline.app", "qline.app")).toBeNull();
    expect(slugFromHost("a.b.qline.app", "qline.app")).toBeNull();
    expect(slugFromHost("www.qline.app", "qline.app")).toBeNull();
    expect(slugFromHost("demo-coffee.evil.app", "qline.app")).toBeNull();
    expect(slugFromHost("demo-coffee.qline.app", null)).toBeNull();
  });

  it("routes without the /t/<slug> prefix on the tenant's host", () => {
    const host = "demo-coffee.qline.app";
    expect(parseRoute(at("/", host), "qline.app")).toEqual({ name: "landing", slug: "demo-coffee", viaHost: true });
    expect(parseRoute(at("/kiosk", host), "qline.app")).toEqual({ name: "kiosk", slug: "demo-coffee", viaHost: true });
    expect(parseRoute(at("/ticket/xyz", host), "qline.app")).toEqual({ name: "ticket", code: "xyz", slug: "demo-coffee", viaHost: true });
    // Path routing keeps working on any host.
    expect(parseRoute(at("/t/other/display", host), "qline.app")).toEqual({ name: "display", slug: "other", viaHost: false });
  });

  it("routes the join pages without the prefix on the tenant's host", () => {
    const host = "demo-coffee.qline.app";
    expect(parseRoute(at("/join", host), "qline.app")).toEqual({ name: "join", slug: "demo-coffee", viaHost: true });
    expect(parseRoute(at("/join/l1", host), "qline.app")).toEqual({ name: "joinLine", slug: "demo-coffee", lineId: "l1", viaHost: true });
    expect(parseRoute(at("/t/other/join/l2", host), "qline.app")).toEqual({ name: "joinLine", slug: "other", lineId: "l2", viaHost: false });
  });

  it("builds links for either mode", () => {
    expect(tenantPath("demo", false, "kiosk")).toBe("/t/demo/kiosk");
    expect(tenantPath("demo", true, "kiosk")).toBe("/kiosk");
    expect(tenantPath("demo", true, "")).toBe("/");
    expect(ticketUrl("https://demo.qline.app", "c0de", "demo", true)).toBe("https://demo.qline.app/ticket/c0de");
    expect(ticketUrl("http://127.0.0.1:4174", "c0de", "demo", false)).toBe("http://127.0.0.1:4174/ticket/c0de?t=demo");
    expect(tenantPath("demo", false, "join")).toBe("/t/demo/join");
    expect(tenantPath("demo", true, "join")).toBe("/join");
    expect(joinLinePath("demo", false, "l1")).toBe("/t/demo/join/l1");
    expect(joinLinePath("demo", true, "l 1")).toBe("/join/l%201");
  });
});

describe("navigate", () => {
  it("pushes a history entry, or replaces the current one (a submitted form is not returned to by Back)", () => {
    window.history.replaceState(null, "", "/t/demo/join/l1");
    const before = window.history.length;
    navigate("/t/demo/join");
    expect(window.location.pathname).toBe("/t/demo/join");
    expect(window.history.length).toBe(before + 1);
    navigate("/ticket/c0de?t=demo", { replace: true });
    expect(window.location.pathname + window.location.search).toBe("/ticket/c0de?t=demo");
    expect(window.history.length).toBe(before + 1);
  });
});
