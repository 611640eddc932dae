import { describe, expect, it } from "vitest";
import { parseRoute, slugFromHost, tenantPath, ticketUrl } from "../routes";

const at = (pathname: string, hostname = "127.0.0.1", search = "") => ({ pathname, hostname, search });

describe("parseRoute by path", () => {
  it("finds the tenant pages under /t/<slug>", () => {
    expect(parseRoute(at("/t/demo-coffee"), null)).toEqual({ name: "landing", slug: "demo-coffee", viaHost: false });
    expect(parseRoute(at("/t/demo-coffee/kiosk"), null)).toEqual({ name: "kiosk", slug: "demo-coffee", viaHost: false });
    expect(parseRoute(at("/t/Demo-Coffee/display/"), null)).toEqual({ name: "display", slug: "demo-coffee", viaHost: false });
  });

  it("reads the customer page and its branding hint", () => {
    expect(parseRoute(at("/ticket/abc123", "127.0.0.1", "?t=demo-coffee"), null)).toEqual({ name: "ticket", code: "abc123", slug: "demo-coffee", viaHost: false });
    expect(parseRoute(at("/ticket/abc123"), null)).toEqual({ name: "ticket", code: "abc123", slug: null, viaHost: false });
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

  it("builds links for either mode", () => {
    expect(tenantPath("demo", false, "kiosk")).toBe("/t/demo/kiosk");
    expect(tenantPath("demo", true, "kiosk")).toBe("/kiosk");
    expect(tenantPath("demo", true, "")).toBe("/");
    expect(ticketUrl("https://demo.qline.app", "c0de", "demo", true)).toBe("https://demo.qline.app/ticket/c0de");
    expect(ticketUrl("http://127.0.0.1:4174", "c0de", "demo", false)).toBe("http://127.0.0.1:4174/ticket/c0de?t=demo");
  });
});
