import { describe, expect, it } from "vitest";
import { boardHref, hrefFor, notificationsHref, parseRoute, tenantHref, tenantSections, type Route } from "../router";

describe("the console's addresses, matched by React Router", () => {
  it.each<[string, Route]>([
    ["", { name: "home" }],
    ["#/", { name: "home" }],
    ["#/login", { name: "login" }],
    ["#/signup", { name: "signup" }],
    ["#/account", { name: "account" }],
    ["#/forgot-password", { name: "forgot-password" }],
    ["#/invite/tok_1", { name: "invite", token: "tok_1" }],
    ["#/reset-password/abc-DEF_0", { name: "reset-password", token: "abc-DEF_0" }],
    ["#/confirm-signup/xyz", { name: "confirm-signup", token: "xyz" }],
    ["#/t/t1", { name: "tenant", tenantId: "t1", section: "overview" }],
    ["#/t/t1/", { name: "tenant", tenantId: "t1", section: "overview" }],
    ["#/t/t1/ticket-fields", { name: "tenant", tenantId: "t1", section: "ticket-fields" }],
    ["#/t/t1/board/l9", { name: "tenant", tenantId: "t1", section: "board", lineId: "l9" }],
    ["#/t/t1/notifications/templates", { name: "tenant", tenantId: "t1", section: "notifications", tab: "templates" }],
    ["#/t/t1/notifications", { name: "tenant", tenantId: "t1", section: "notifications" }],
  ])("%s", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it("opens every section of the navigation", () => {
    for (const section of tenantSections) expect(parseRoute(`#/t/t1/${section}`)).toEqual({ name: "tenant", tenantId: "t1", section });
  });

  it("answers not-found for unknown pages, sections, tabs and extra parts", () => {
    for (const hash of ["#/nope", "#/invite", "#/invite/a/b", "#/t/t1/nope", "#/t/t1/settings/x", "#/t/t1/notifications/nope", "#/t/t1/board/l1/x", "#/t"]) {
      expect(parseRoute(hash)).toEqual({ name: "not-found", path: hash.slice(1) });
    }
  });

  it("builds links that match back to the same page, encoding ids", () => {
    const routes: Route[] = [
      { name: "invite", token: "a/b" },
      { name: "tenant", tenantId: "t 1", section: "members" },
      { name: "tenant", tenantId: "t1", section: "board", lineId: "l/1" },
      { name: "tenant", tenantId: "t1", section: "notifications", tab: "providers" },
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
    expect(tenantHref("t1")).toBe("#/t/t1/overview");
    expect(boardHref("t1", "l1")).toBe("#/t/t1/board/l1");
    expect(notificationsHref("t1", "mailbox")).toBe("#/t/t1/notifications/mailbox");
  });
});
