/**
 * Issue 15's devices: the admin adds a kiosk and a display for a line on the Devices page and gets a one-time
 * pairing link for each; each device opens its link in a fresh browser (no key typed) and lands on its screen;
 * the kiosk issues a ticket, staff call it, and the display shows it called. Then the admin revokes the display:
 * its live socket closes and it says "This device is not paired", with "Pair again" forgetting the refused key.
 * A used link cannot pair a second device.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { callNext, createCounter, createLine, setTheme, signUpTenant } from "../fixtures/api";
import { e2ePassword, ownerEmail, signedInPage } from "../fixtures/admin";
import { snapshot } from "../fixtures/artifacts";

/** Adds a device on the Devices page and returns its pairing link (shown once, in the pairing dialog). */
async function addDevice(admin: Page, kind: "KIOSK" | "DISPLAY", name: string, lineName: string, message?: string): Promise<string> {
  await admin.getByRole("button", { name: "Add device" }).click();
  const dialog = admin.getByRole("dialog", { name: "Add a device" });
  await dialog.getByLabel("Kind").selectOption(kind);
  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByLabel(lineName).check();
  if (message) await dialog.getByLabel(/Message strip/).fill(message);
  await dialog.getByRole("button", { name: "Add and show pairing link" }).click();
  const pairing = admin.getByRole("dialog", { name: `Pair “${name}”` });
  await expect(pairing.getByRole("img", { name: `QR code to pair ${name}` })).toBeVisible();
  const url = await pairing.getByTestId("pairing-link").getAttribute("href");
  await pairing.getByRole("button", { name: "Done" }).click();
  await expect(admin.getByRole("row", { name: new RegExp(name) }).getByText("Waiting for pairing")).toBeVisible();
  return url!;
}

async function freshPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  return (await browser.newContext({ viewport })).newPage();
}

test("devices: pair a kiosk and a display by link, issue and call, revoke the display", async ({ browser }) => {
  test.setTimeout(150_000);
  const owner = await signUpTenant("Lakeside Library");
  await setTheme(owner, { primaryColor: "#1d3557", accentColor: "#e9c46a" });
  const lineId = await createLine(owner, { name: "Lending desk", prefix: "L" });
  const counterId = await createCounter(owner, lineId, "Desk 2");

  const admin = await signedInPage(browser, ownerEmail(owner), e2ePassword, `/t/${owner.tenantId}/devices`);
  await expect(admin.getByRole("heading", { name: "Devices" })).toBeVisible();
  const kioskLink = await addDevice(admin, "KIOSK", "Entrance kiosk", "Lending desk");
  const displayLink = await addDevice(admin, "DISPLAY", "Waiting room TV", "Lending desk", "Quiet please — the reading room closes at 18:00");
  expect(new URL(kioskLink).pathname).toMatch(/^\/pair\/[A-Za-z0-9_-]{43}$/);

  // The kiosk opens its link: it lands on its own screen, nothing typed, the token gone from the address.
  const kiosk = await freshPage(browser, { width: 1080, height: 1500 });
  await kiosk.goto(kioskLink);
  await expect(kiosk).toHaveURL(new RegExp(`/t/${owner.slug}/kiosk$`));
  await expect(kiosk.getByRole("heading", { name: "What are you here for?" })).toBeVisible();

  // The display opens its link on the TV.
  const display = await freshPage(browser, { width: 1920, height: 1080 });
  await display.goto(displayLink);
  await expect(display).toHaveURL(new RegExp(`/t/${owner.slug}/display$`));
  const board = display.getByTestId(`board-line-${lineId}`);
  await expect(board.getByRole("heading", { name: "Lending desk" })).toBeVisible();
  await expect(display.getByTestId("display-message")).toHaveText("Quiet please — the reading room closes at 18:00");
  await expect(display.locator(".connection")).toHaveAttribute("data-state", "online");

  // A used link pairs nothing else.
  const stranger = await freshPage(browser, { width: 800, height: 600 });
  await stranger.goto(kioskLink);
  await expect(stranger.getByRole("heading", { name: "This pairing link can no longer be used" })).toBeVisible();
  await expect(stranger.getByRole("alert")).toHaveText(/already used/);

  // The kiosk issues a ticket; the display lists it next.
  await kiosk.getByRole("button", { name: /Lending desk/ }).click();
  await kiosk.getByRole("button", { name: "Get my ticket" }).click();
  await expect(kiosk.getByTestId("ticket-number")).toHaveText("L001");
  await expect(board.getByRole("listitem").first()).toHaveText("L001");

  // Staff call it: the display shows it at the desk, large, and in the last calls.
  expect(await callNext(owner.auth, lineId, counterId)).toEqual({ number: "L001" });
  const number = board.getByRole("row", { name: /Desk 2/ }).getByTestId("now-serving-number");
  await expect(number).toHaveText("L001", { timeout: 5_000 });
  await expect(display.getByTestId("last-calls").getByRole("listitem").first()).toContainText("L001");
  const box = await number.boundingBox();
  const fontSize = await number.evaluate((cell) => parseFloat(getComputedStyle(cell).fontSize));
  expect(fontSize, "now-serving numbers are at least 12% of the screen height").toBeGreaterThanOrEqual(0.12 * 1080);
  expect(box!.y + box!.height, "the number is on screen").toBeLessThanOrEqual(1080);
  const used = await display.evaluate(() => ({ width: document.querySelector(".display")!.getBoundingClientRect().width, height: document.querySelector(".display")!.getBoundingClientRect().height }));
  expect(used).toEqual({ width: 1920, height: 1080 });
  await snapshot(display, "display-room-1920x1080");
  await snapshot(admin, "admin-devices");

  // The admin revokes the display: it says so at once (its live socket closed), and Pair again forgets the key.
  await admin.getByRole("button", { name: "Revoke Waiting room TV" }).click();
  await admin.getByRole("dialog", { name: "Revoke “Waiting room TV”?" }).getByRole("button", { name: "Revoke device" }).click();
  await expect(admin.getByRole("row", { name: /Waiting room TV/ }).getByText(/^Revoked/)).toBeVisible();
  await expect(display.getByRole("heading", { name: "This device is not paired" })).toBeVisible({ timeout: 10_000 });
  await expect(display.getByRole("alert")).toHaveText(/not accepted for this place/);
  await snapshot(display, "display-not-paired");
  await display.getByRole("button", { name: "Pair again" }).click();
  await expect(display.getByRole("heading", { name: "This device is not paired" })).toBeVisible();
  await expect(display.getByRole("button", { name: "Pair again" })).toHaveCount(0);
  expect(await display.evaluate((slug) => localStorage.getItem(`qline.deviceKey.${slug}`), owner.slug)).toBeNull();

  // The kiosk, not revoked, still works.
  await kiosk.getByRole("button", { name: "Done" }).click();
  await kiosk.getByRole("button", { name: /Lending desk/ }).click();
  await kiosk.getByRole("button", { name: "Get my ticket" }).click();
  await expect(kiosk.getByTestId("ticket-number")).toHaveText("L002");
});
