/**
 * Issue 12's journeys, on a phone viewport (390×844): a customer scans the line's join link, fills in the form,
 * follows the estimate band, is called ("your turn — Counter 3" within a second), served, and sees an end page
 * with nothing left to do; staff add a walk-in from the board and it reaches the TV display; a customer who is
 * running late moves back on the phone, the board and the display alike.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { callNext, createCounter, createDeviceKey, createRemoteLine, gql, issueTicketAs, signUpTenant, type Owner } from "../fixtures/api";
import { e2ePassword, ownerEmail, signIn } from "../fixtures/admin";
import { snapshot } from "../fixtures/artifacts";

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  return context.newPage();
}

const ticketId = async (owner: Owner, lineId: string, number: string) => {
  const data = await gql<{ line: { tickets: { nodes: { id: string; number: string }[] } } }>(owner.auth, `query($id: ID!) { line(id: $id) { tickets(first: 50) { nodes { id number } } } }`, { id: lineId });
  return data.line.tickets.nodes.find((t) => t.number === number)!.id;
};

test("scan to join → estimate band → your turn at Counter 3 → served → end page", async ({ browser }) => {
  const owner = await signUpTenant("Harbour Pharmacy");
  const line = await createRemoteLine(owner, "Prescriptions", "P", { showEstimates: true });
  const counterId = await createCounter(owner, line.id, "Counter 3");
  await issueTicketAs(owner.auth, line.id, { customerName: "Ahead" }); // someone is already waiting

  // The poster's QR code encodes the line's join link.
  expect(line.joinUrl).toBe(`${process.env.E2E_KIOSK_URL}/t/${owner.slug}/join/${line.id}`);
  const page = await phone(browser);
  await page.goto(line.joinUrl);
  await expect(page.getByRole("heading", { name: /Prescriptions/ })).toBeVisible();
  await page.getByLabel(/name/i).first().fill("Grace");
  await page.getByLabel(/phone/i).fill("+44 20 7946 0123");
  await snapshot(page, "join-form-phone");
  await page.getByTestId("join-submit").click();

  await expect(page.getByTestId("customer-number")).toHaveText("P002");
  await expect(page.getByTestId("ticket-ahead")).toContainText("1 ahead of you");
  await expect(page.getByTestId("wait-band")).toBeVisible();
  await expect(page.getByTestId("last-updated")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await snapshot(page, "customer-waiting-phone");

  await callNext(owner.auth, line.id, counterId); // the customer ahead
  await expect(page.getByTestId("ticket-ahead")).toContainText("Nobody ahead of you");
  const started = Date.now();
  await callNext(owner.auth, line.id, counterId);
  await expect(page.getByTestId("your-turn")).toContainText("Counter 3", { timeout: 1000 });
  expect(Date.now() - started).toBeLessThan(1000);
  await snapshot(page, "customer-your-turn-phone");

  const id = await ticketId(owner, line.id, "P002");
  await gql(owner.auth, `mutation($id: ID!) { startServing(id: $id) { id } }`, { id });
  await gql(owner.auth, `mutation($id: ID!) { completeTicket(id: $id) { id } }`, { id });
  await expect(page.getByTestId("ended-page")).toBeVisible();
  await expect(page.getByTestId("cancel-ticket")).toHaveCount(0);
  await expect(page.getByTestId("running-late")).toHaveCount(0);
  await expect(page.locator(".connection")).toHaveCount(0);
  await snapshot(page, "customer-served-phone");

  // Back from a sleeping phone: a reload shows the same end state at once.
  await page.reload();
  await expect(page.getByTestId("ended-page")).toBeVisible();
});

test("a walk-in added on the board reaches the display; running late moves back on every screen", async ({ browser }) => {
  const owner = await signUpTenant("Corner Clinic");
  const line = await createRemoteLine(owner, "Walk-ins", "W", { showEstimates: true });
  const deviceKey = await createDeviceKey(owner, "Waiting room TV");

  // Two customers join from their phones.
  const first = await phone(browser);
  await first.goto(line.joinUrl);
  await first.getByLabel(/name/i).first().fill("Ada");
  await first.getByLabel(/phone/i).fill("+44 20 7946 0201");
  await first.getByTestId("join-submit").click();
  await expect(first.getByTestId("customer-number")).toHaveText("W001");
  const second = await phone(browser);
  await second.goto(`/t/${owner.slug}/join`);
  await second.getByTestId("join-line-W").click();
  await second.getByLabel(/name/i).first().fill("Bob");
  await second.getByLabel(/phone/i).fill("+44 20 7946 0202");
  await second.getByTestId("join-submit").click();
  await expect(second.getByTestId("customer-number")).toHaveText("W002");

  const tvContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const display = await tvContext.newPage();
  await display.goto(`/t/${owner.slug}/display?key=${encodeURIComponent(deviceKey)}`);
  const next = display.getByTestId(`board-line-${line.id}`).locator(".board-line__next li");
  await expect(next).toHaveText(["W001", "W002"]);

  // Staff add a walk-in from the board.
  const admin = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(admin, ownerEmail(owner), e2ePassword, `/t/${owner.tenantId}/board/${line.id}`);
  await admin.getByTestId("add-walk-in").click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel(/name/i).first().fill("Walk-in Wanda");
  await dialog.getByLabel(/phone/i).fill("+44 20 7946 0203");
  await dialog.getByTestId("walk-in-submit").click();
  await expect(dialog).toHaveCount(0);
  await expect(admin.getByTestId("ticket-channel-W003")).toBeVisible();
  await expect(next).toHaveText(["W001", "W002", "W003"]);
  await snapshot(admin, "board-walk-in");

  // Ada is running late: she moves back behind the walk-in (three places, or to the back).
  await first.getByTestId("running-late").click();
  await first.getByRole("button", { name: "Yes, move me back" }).click();
  await expect(first.getByTestId("ticket-ahead")).toContainText("2 ahead of you");
  await expect(next).toHaveText(["W002", "W003", "W001"]);
  await expect(second.getByTestId("ticket-ahead")).toContainText("Nobody ahead of you");
  await expect(admin.getByTestId("ticket-late-W001")).toBeVisible();
  await expect(first.getByTestId("running-late")).toHaveCount(0);
  await expect(first.getByTestId("ran-late")).toBeVisible();
  await snapshot(first, "customer-running-late-phone");
});
