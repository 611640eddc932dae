/**
 * Issue 6's journey: the admin sets up a line and custom fields (through the API) → the kiosk renders the
 * generated form, rejects an invalid field and issues a ticket → the customer page from the QR link shows the
 * position → staff call next → the customer page says "your turn" and the display shows the number within 2 s,
 * without reload → a second ticket is cancelled by its holder → another tenant's kiosk cannot see or issue into
 * this tenant's lines.
 */
import { expect, test, type Browser } from "@playwright/test";
import {
  callNext,
  createCounter,
  createDeviceKey,
  createLine,
  createTicketType,
  errorCodeOf,
  issueTicketAs,
  publicTicket,
  setExtensionSchema,
  setTheme,
  signUpTenant,
  waitingCount,
} from "../fixtures/api";
import { snapshot } from "../fixtures/artifacts";

const extensionSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    membership: { type: "string", title: "Membership", enum: ["none", "silver", "gold"] },
    age: { type: "integer", title: "Age", minimum: 18, maximum: 120 },
  },
  required: ["membership"],
  additionalProperties: false,
};

async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  return context.newPage();
}

test("kiosk → customer → call → display → cancel → tenant isolation", async ({ browser }) => {
  // Admin: a branded place with a line of two ticket types, a counter, custom fields and a kiosk key.
  const owner = await signUpTenant("Riverside Bank");
  await setTheme(owner, { primaryColor: "#0b5563", accentColor: "#f4a259", fontFamily: "Georgia, serif" });
  const deposit = await createTicketType(owner, "DEP", "Deposit");
  const withdrawal = await createTicketType(owner, "WDR", "Withdrawal");
  const lineId = await createLine(owner, { name: "Front desk", prefix: "F", ticketTypeIds: [deposit, withdrawal], showEstimates: true });
  const counterId = await createCounter(owner, lineId, "Counter 3");
  await setExtensionSchema(owner, extensionSchema);
  const deviceKey = await createDeviceKey(owner);

  // Kiosk: set up by ?key=, which is then removed from the address.
  const kioskContext = await browser.newContext({ viewport: { width: 1080, height: 1500 } });
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(`/t/${owner.slug}/kiosk?key=${encodeURIComponent(deviceKey)}`);
  await expect(kiosk.getByRole("heading", { name: "What are you here for?" })).toBeVisible();
  expect(new URL(kiosk.url()).search).toBe("");
  await expect(kiosk.locator("html")).toHaveCSS("--brand-primary", "#0b5563");
  await snapshot(kiosk, "kiosk-lines");

  await kiosk.getByRole("button", { name: /Front desk/ }).click();
  await kiosk.getByRole("button", { name: "Deposit" }).click();
  await expect(kiosk.getByLabel(/Membership/)).toBeVisible();
  await expect(kiosk.getByLabel(/Age/)).toBeVisible();

  // The generated form rejects an invalid field, and nothing reaches the API.
  await kiosk.getByLabel(/Membership/).selectOption("gold");
  await kiosk.getByLabel(/Age/).fill("12");
  await kiosk.getByRole("button", { name: "Get my ticket" }).click();
  await expect(kiosk.getByText("Must be at least 18")).toBeVisible();
  await snapshot(kiosk, "kiosk-form-invalid");
  expect(await waitingCount(owner.auth, lineId)).toBe(0);

  await kiosk.getByLabel(/Age/).fill("34");
  await kiosk.getByLabel(/Your name/).fill("Ada");
  await kiosk.getByRole("button", { name: "Get my ticket" }).click();
  await expect(kiosk.getByTestId("ticket-number")).toHaveText("F001");
  await expect(kiosk.getByText("You are next")).toBeVisible();
  await expect(kiosk.locator(".ticket-card__qr svg")).toBeVisible();
  await snapshot(kiosk, "kiosk-ticket");
  await kiosk.emulateMedia({ media: "print" });
  await expect(kiosk.getByRole("button", { name: "Done" })).toBeHidden();
  await expect(kiosk.getByText("Riverside Bank").last()).toBeVisible(); // the tenant's name is printed on the ticket
  await snapshot(kiosk, "kiosk-ticket-print");
  await kiosk.emulateMedia({ media: "screen" });
  const trackingUrl = await kiosk.getByTestId("tracking-link").getAttribute("href");
  expect(trackingUrl).toMatch(/\/ticket\/[^/?]+\?t=/);
  expect(await waitingCount(owner.auth, lineId)).toBe(1);

  // Customer: the QR link on a phone.
  const customer = await phone(browser);
  await customer.goto(trackingUrl!);
  await expect(customer.getByTestId("customer-number")).toHaveText("F001");
  await expect(customer.getByTestId("ticket-status")).toHaveText("Waiting");
  await expect(customer.getByTestId("ticket-position")).toHaveText("You are next");
  await expect(customer.locator(".connection")).toHaveAttribute("data-state", "online");
  await expect(customer.getByTestId("wait-band")).toBeVisible();
  await snapshot(customer, "customer-waiting");

  // Display on the TV, with the same device key.
  const tvContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const display = await tvContext.newPage();
  await display.goto(`/t/${owner.slug}/display?key=${encodeURIComponent(deviceKey)}`);
  const board = display.getByTestId(`board-line-${lineId}`);
  await expect(board.getByRole("heading", { name: "Front desk" })).toBeVisible();
  await expect(board.getByRole("listitem").first()).toHaveText("F001");
  await expect(display.locator(".connection")).toHaveAttribute("data-state", "online");

  // Staff call next: both pages follow within 2 s, without reload.
  expect(await callNext(owner.auth, lineId, counterId)).toEqual({ number: "F001" });
  await expect(customer.getByTestId("your-turn")).toHaveText("It's your turn — Counter 3", { timeout: 2_000 });
  await expect(board.getByRole("row", { name: /Counter 3/ }).getByTestId("now-serving-number")).toHaveText("F001", { timeout: 2_000 });
  await snapshot(customer, "customer-called");
  await snapshot(display, "display");

  // A second ticket, cancelled by its holder after confirming.
  await kiosk.getByRole("button", { name: "Done" }).click();
  await kiosk.getByRole("button", { name: /Front desk/ }).click();
  await kiosk.getByRole("button", { name: "Withdrawal" }).click();
  await kiosk.getByLabel(/Membership/).selectOption("none");
  await kiosk.getByRole("button", { name: "Get my ticket" }).click();
  await expect(kiosk.getByTestId("ticket-number")).toHaveText("F002");
  const secondUrl = await kiosk.getByTestId("tracking-link").getAttribute("href");
  const secondCode = new URL(secondUrl!).pathname.split("/").pop()!;
  await expect(board.getByRole("listitem").first()).toHaveText("F002");

  const second = await phone(browser);
  await second.goto(secondUrl!);
  await expect(second.getByTestId("ticket-position")).toHaveText("You are next");
  await second.getByRole("button", { name: "Cancel my ticket" }).click();
  await expect(second.getByRole("alertdialog")).toContainText("Leave the line?");
  await second.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(second.getByTestId("ticket-status")).toHaveText("Cancelled");
  await expect(second.getByTestId("ended-page")).toContainText("Your ticket is cancelled");
  await expect(second.getByTestId("cancel-ticket")).toHaveCount(0);
  expect(await publicTicket(secondCode)).toMatchObject({ status: "CANCELLED" });
  await expect(board.getByText("Nobody waiting")).toBeVisible({ timeout: 2_000 });
  await snapshot(second, "customer-cancelled");

  // German, switched on screen.
  await customer.getByRole("button", { name: "Deutsch" }).click();
  await expect(customer.getByTestId("your-turn")).toHaveText("Sie sind dran — Counter 3");

  // Another tenant: its kiosk sees only its own lines, and its key opens nothing of the first tenant.
  const other = await signUpTenant("Hilltop Bakery");
  const otherLine = await createLine(other, { name: "Bread counter", prefix: "B" });
  const otherKey = await createDeviceKey(other);
  const otherKiosk = await (await browser.newContext()).newPage();
  await otherKiosk.goto(`/t/${other.slug}/kiosk?key=${encodeURIComponent(otherKey)}`);
  await expect(otherKiosk.getByRole("button", { name: /Bread counter/ })).toBeVisible();
  await expect(otherKiosk.getByRole("button", { name: /Front desk/ })).toHaveCount(0);

  const wrongKiosk = await (await browser.newContext()).newPage();
  await wrongKiosk.goto(`/t/${owner.slug}/kiosk?key=${encodeURIComponent(otherKey)}`);
  await expect(wrongKiosk.getByRole("alert")).toHaveText(/not accepted for this place/);
  await expect(wrongKiosk.getByRole("button", { name: /Front desk/ })).toHaveCount(0);
  await snapshot(wrongKiosk, "kiosk-foreign-key");

  const before = await waitingCount(owner.auth, lineId);
  const refused = await errorCodeOf(() => issueTicketAs(`ApiKey ${otherKey}`, lineId, { ticketTypeId: deposit, extensions: { membership: "gold" } }));
  expect(["FORBIDDEN", "NOT_FOUND"]).toContain(refused);
  expect(await waitingCount(owner.auth, lineId)).toBe(before);
  // ... while its own line takes tickets.
  expect(await issueTicketAs(`ApiKey ${otherKey}`, otherLine)).toMatchObject({ number: "B001" });
});
