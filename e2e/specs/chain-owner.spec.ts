/**
 * Issue 15's chains, as a chain owner lives them: sign up (confirmed by email) → set the chain's templates at the
 * root (branding, the line preset's time zone, two ticket types) → add three stores in the tenant tree, which
 * inherit them (the Chain templates page says "Inherited from …"; their kiosks get the root's colour) → invite the
 * Airport store's manager by email (the run's local SMTP server) → the manager creates a login, adds a line that
 * uses the chain's ticket types and starts from the chain's preset, and pairs a kiosk and a display by link →
 * a ticket flows from the kiosk to the display → the owner's analytics roll the chain up store by store → the
 * store's ticket-level export downloads the day's ticket.
 *
 * The store's manager is invited as MANAGER: a manager sets up the store's kiosks and displays (`devices:manage`)
 * but cannot mint API keys (docs/roles.md).
 */
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { gql } from "../fixtures/api";
import { adminUrl } from "../fixtures/admin";
import { screen, snapshot } from "../fixtures/artifacts";
import { linkFromMail } from "../fixtures/mail";

const rootColour = "#0b6e4f";

/** The console at a common laptop size (1366×768); devices get their own. */
async function freshPage(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<Page> {
  return (await browser.newContext({ viewport })).newPage();
}

/** Adds a device on the Devices page and returns its one-time pairing link. */
async function addDevice(admin: Page, kind: "KIOSK" | "DISPLAY", name: string, lineName: string): Promise<string> {
  await admin.getByRole("button", { name: "Add device" }).click();
  const dialog = admin.getByRole("dialog", { name: "Add a device" });
  await dialog.getByLabel("Kind").selectOption(kind);
  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByLabel(lineName).check();
  await dialog.getByRole("button", { name: "Add and show pairing link" }).click();
  const pairing = admin.getByRole("dialog", { name: `Pair “${name}”` });
  const url = await pairing.getByTestId("pairing-link").getAttribute("href");
  await pairing.getByRole("button", { name: "Done" }).click();
  return url!;
}

test("chain owner: templates at the root reach three new stores; a store manager joins by email, pairs devices, tickets flow, the chain rolls up", async ({ browser }) => {
  test.setTimeout(240_000);
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const slug = `brewline-${id}`;
  const ownerEmail = `olga-${id}@e2e.test`;
  const managerEmail = `sam-${id}@e2e.test`;

  // Sign up, confirmed by email.
  const owner = await freshPage(browser);
  await owner.goto(`${adminUrl}/#/signup`);
  await owner.getByLabel("Your name").fill("Olga Owner");
  await owner.getByLabel("Email").fill(ownerEmail);
  await owner.getByLabel("Password").fill("e2e-Password-2026");
  await owner.getByLabel("Organisation name").fill("Brewline Coffee");
  await owner.getByLabel("First location").fill("Brewline HQ");
  await owner.getByLabel("Web address (slug)").fill(slug);
  await owner.getByRole("button", { name: "Create account" }).click();
  await expect(owner.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await owner.goto(await linkFromMail(ownerEmail, "confirm-signup"));
  await expect(owner.getByRole("heading", { name: "Brewline HQ", level: 1 })).toBeVisible({ timeout: 20_000 });
  const ownerAuth = `Bearer ${await owner.evaluate(() => localStorage.getItem("qline.admin.token"))}`;
  const nav = owner.getByRole("navigation", { name: "Brewline HQ sections" });

  // Templates at the root: the chain's colour and the line preset's time zone ...
  await nav.getByRole("link", { name: "Chain templates" }).click();
  await expect(owner.getByRole("heading", { name: "Chain templates", level: 1 })).toBeVisible();
  const branding = owner.getByRole("table", { name: "Branding template" });
  const colourRow = branding.getByRole("row", { name: /Primary colour/ });
  await colourRow.getByLabel("New Primary colour").fill(rootColour);
  await colourRow.getByRole("button", { name: "Set here" }).click();
  await expect(colourRow).toContainText(rootColour);
  await expect(colourRow.getByText("Overridden here")).toBeVisible();
  const preset = owner.getByRole("table", { name: "Line preset template" });
  const zoneRow = preset.getByRole("row", { name: /Time zone/ });
  await zoneRow.getByLabel("New Time zone").fill("Europe/Berlin");
  await zoneRow.getByRole("button", { name: "Set here" }).click();
  await expect(zoneRow).toContainText("Europe/Berlin");

  // ... and the chain's ticket types.
  await nav.getByRole("link", { name: "Lines & counters" }).click();
  const typeForm = owner.getByRole("form", { name: "Add a ticket type" });
  for (const [code, name] of [
    ["TOGO", "Take away"],
    ["SEAT", "Table service"],
  ] as const) {
    await typeForm.getByLabel("Code").fill(code);
    await typeForm.getByLabel("Name").fill(name);
    await typeForm.getByRole("button", { name: "Add type" }).click();
    await expect(owner.getByRole("listitem").filter({ hasText: `${code} ${name}` })).toBeVisible();
  }

  // Three stores in the tenant tree.
  await nav.getByRole("link", { name: "Tenant tree" }).click();
  const stores = ["Airport", "Old Town", "Harbour"];
  for (const store of stores) {
    await owner.getByRole("button", { name: "Add subtenant under Brewline HQ" }).click();
    const dialog = owner.getByRole("dialog", { name: "New subtenant under Brewline HQ" });
    await dialog.getByLabel("Name").fill(store);
    await dialog.getByLabel("Slug").fill(`${slug}-${store.toLowerCase().replace(" ", "-")}`);
    await dialog.getByRole("button", { name: "Create subtenant" }).click();
    await expect(dialog).toBeHidden();
    await expect(owner.getByText(`Created ${store}.`)).toBeVisible();
  }
  const rootId = await owner.evaluate(() => location.hash.split("/")[2]!);
  const { tenant: root } = await gql<{ tenant: { children: { id: string; name: string; slug: string }[] } }>(ownerAuth, `query($id: ID!) { tenant(id: $id) { children { id name slug } } }`, {
    id: rootId,
  });
  expect(root.children.map((c) => c.name).sort()).toEqual([...stores].sort());
  const airport = root.children.find((c) => c.name === "Airport")!;

  // Each store inherits the templates: shown on its Chain templates page, served to its kiosk.
  await owner.goto(`${adminUrl}/#/t/${airport.id}/templates`);
  await expect(owner.getByRole("heading", { name: "Chain templates", level: 1 })).toBeVisible();
  const storeColour = owner.getByRole("table", { name: "Branding template" }).getByRole("row", { name: /Primary colour/ });
  await expect(storeColour).toContainText(rootColour);
  await expect(storeColour.getByText("Inherited from Brewline HQ")).toBeVisible();
  await expect(owner.getByRole("table", { name: "Line preset template" }).getByRole("row", { name: /Time zone/ }).getByText("Inherited from Brewline HQ")).toBeVisible();
  const types = owner.getByRole("table", { name: "Ticket types" });
  await expect(types.getByRole("row", { name: /TOGO/ }).getByText("Inherited from Brewline HQ")).toBeVisible();
  await snapshot(owner, "chain-store-templates");
  await screen(owner, "admin-chain-templates");
  for (const store of root.children) {
    const { tenantBySlug } = await gql<{ tenantBySlug: { theme: { primaryColor: string | null } } }>(null, `query($s: String!) { tenantBySlug(slug: $s) { theme { primaryColor } } }`, { s: store.slug });
    expect(tenantBySlug.theme.primaryColor, `${store.name} inherits the chain's colour`).toBe(rootColour);
  }

  // The owner invites the Airport store's manager by email.
  await owner.goto(`${adminUrl}/#/t/${airport.id}/members`);
  const invite = owner.getByRole("form", { name: "Invite a member" });
  await invite.getByLabel("Email").fill(managerEmail);
  await invite.getByLabel("Role").selectOption("MANAGER");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${managerEmail}`)).toBeVisible();

  // The manager accepts from the email, creating a login.
  const manager = await freshPage(browser);
  await manager.goto(await linkFromMail(managerEmail, "invite"));
  await expect(manager.getByRole("heading", { name: "Join Airport" })).toBeVisible();
  await manager.getByLabel("Your name").fill("Sam Manager");
  await manager.getByLabel("Password").fill("harbour-Violet-lantern-58");
  await manager.getByRole("button", { name: "Create login and join" }).click();
  await expect(manager.getByRole("heading", { name: "Airport", level: 1 })).toBeVisible({ timeout: 20_000 });

  // The manager adds a line using the chain's ticket types, and a counter.
  const managerNav = manager.getByRole("navigation", { name: "Airport sections" });
  await managerNav.getByRole("link", { name: "Lines & counters" }).click();
  await expect(manager.getByRole("heading", { name: "Lines & counters", level: 1 })).toBeVisible();
  await manager.getByRole("button", { name: "New line" }).click();
  const lineDialog = manager.getByRole("dialog", { name: "New line" });
  await lineDialog.getByLabel("Name").fill("Coffee bar");
  await lineDialog.getByLabel("Number prefix").fill("C");
  await lineDialog.getByRole("checkbox", { name: /Take away/ }).check();
  await lineDialog.getByRole("checkbox", { name: /Table service/ }).check();
  await lineDialog.getByRole("button", { name: "Create line" }).click();
  await expect(lineDialog).toBeHidden();
  const card = manager.getByRole("article", { name: /Coffee bar/ });
  await card.getByLabel("New counter name").fill("Till 1");
  await card.getByRole("button", { name: "Add counter" }).click();
  await expect(card.getByRole("listitem").filter({ hasText: "Till 1" })).toBeVisible();
  const { tenant: store } = await gql<{ tenant: { lines: { id: string; timeZone: string }[] } }>(
    ownerAuth,
    `query($id: ID!) { tenant(id: $id) { lines { id timeZone } } }`,
    { id: airport.id },
  );
  const line = store.lines[0]!;
  expect(line.timeZone, "the new line starts from the chain's preset").toBe("Europe/Berlin");

  // The manager pairs a kiosk and a display by link (and has no API keys section: keys are the admin's).
  await expect(managerNav.getByRole("link", { name: "API keys" })).toHaveCount(0);
  await managerNav.getByRole("link", { name: "Devices", exact: true }).click();
  await expect(manager.getByRole("heading", { name: "Devices", level: 1 })).toBeVisible();
  const kioskLink = await addDevice(manager, "KIOSK", "Gate kiosk", "Coffee bar");
  const displayLink = await addDevice(manager, "DISPLAY", "Gate screen", "Coffee bar");
  const kiosk = await freshPage(browser, { width: 1080, height: 1500 });
  await kiosk.goto(kioskLink);
  await expect(kiosk).toHaveURL(new RegExp(`/t/${airport.slug}/kiosk$`));
  await expect(kiosk.getByRole("heading", { name: "What are you here for?" })).toBeVisible();
  expect(await kiosk.evaluate(() => document.documentElement.style.getPropertyValue("--brand-primary"))).toBe(rootColour);
  const display = await freshPage(browser, { width: 1920, height: 1080 });
  await display.goto(displayLink);
  await expect(display).toHaveURL(new RegExp(`/t/${airport.slug}/display$`));
  const board = display.getByTestId(`board-line-${line.id}`);
  await expect(board.getByRole("heading", { name: "Coffee bar" })).toBeVisible();

  // Tickets flow: the kiosk issues one of the chain's types, the till calls it, the display shows it.
  await kiosk.getByRole("button", { name: /Coffee bar/ }).click();
  await kiosk.getByRole("button", { name: "Take away" }).click();
  await kiosk.getByRole("button", { name: "Get my ticket" }).click();
  await expect(kiosk.getByTestId("ticket-number")).toHaveText("C001");
  await expect(board.getByRole("listitem").first()).toHaveText("C001");
  // The manager calls it from the queue board, at the till.
  await manager.goto(`${adminUrl}/#/t/${airport.id}/board/${line.id}`);
  await expect(manager.getByRole("heading", { name: /Coffee bar/, level: 1 })).toBeVisible();
  await manager.getByLabel("Your counter").selectOption({ label: "Till 1" });
  await manager.getByRole("button", { name: /^Call next/ }).click();
  await expect(board.getByRole("row", { name: /Till 1/ }).getByTestId("now-serving-number")).toHaveText("C001", { timeout: 5_000 });
  await snapshot(display, "chain-store-display");
  await screen(display, "display-chain-store");

  // The owner's analytics: the chain rolled up store by store, today's ticket at the Airport.
  await owner.goto(`${adminUrl}/#/t/${rootId}/analytics`);
  await expect(owner.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  await owner.getByLabel("Show").selectOption("subtree");
  const rollup = owner.getByRole("region", { name: "Chain roll-up by store" });
  await expect(rollup.getByRole("heading", { name: "Store by store (4 tenants)" })).toBeVisible();
  const airportRow = rollup.getByRole("row", { name: /Airport/ });
  await expect(airportRow.getByRole("cell").first()).toHaveText("1");
  await expect(rollup.getByRole("row", { name: /Old Town/ }).getByRole("cell").first()).toHaveText("0");
  await snapshot(owner, "chain-rollup");
  await screen(owner, "admin-chain-rollup");
  // The day's tickets of the Airport store, downloaded ticket by ticket (the streamed export).
  await owner.goto(`${adminUrl}/#/t/${airport.id}/analytics`);
  await expect(owner.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  await owner.getByLabel("Export format").selectOption("csv");
  const downloading = owner.waitForEvent("download");
  await owner.getByRole("button", { name: "Export tickets" }).click();
  const download = await downloading;
  const file = await download.path();
  const csv = readFileSync(file, "utf8");
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toContain("number");
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain("C001");
  await screen(owner, "admin-store-analytics");
});
