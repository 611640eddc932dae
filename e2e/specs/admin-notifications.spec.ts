/**
 * Issue 13 in the admin console, against the API's embedded dev sinks (QLINE_DEV_SINKS=1: a loopback SMTP server
 * and a Twilio-speaking HTTP server): staff add a walk-in who wants SMS and email in German → the ticket's details
 * list the "joined" messages as sent → callNext → the Notifications page lists the "called" SMS and email as sent
 * and the dev mailbox shows them (number and counter in the text) → a template with an unknown variable is refused
 * at its body field, a valid one previews and saves → the Notifications page fits a 390 px phone.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { callNext, createCounter, createLine, signUpTenant } from "../fixtures/api";
import { adminUrl, e2ePassword, ownerEmail, signedInPage, signIn } from "../fixtures/admin";
import { snapshot } from "../fixtures/artifacts";

/** Re-runs `open` until `row` shows `status` (the worker delivers within its poll interval, outside the mutation). */
async function expectStatus(open: () => Promise<void>, row: () => Locator, status: string): Promise<void> {
  await expect(async () => {
    await open();
    await expect(row()).toContainText(status, { timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
}

async function openNotifications(page: Page, tenantId: string, tab = ""): Promise<void> {
  await page.goto(`${adminUrl}/#/t/${tenantId}/notifications${tab ? `/${tab}` : ""}`);
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
}

test("notifications: walk-in chooses SMS + email → joined/called delivered to the dev sinks → log, details, mailbox, templates", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await signUpTenant("Notify Clinic");
  const line = await createLine(owner, { name: "Front desk", prefix: "N" });
  const counter = await createCounter(owner, line, "Desk 2");

  // Staff add a walk-in who wants both channels, messages in German.
  const page = await signedInPage(browser, ownerEmail(owner), e2ePassword, `/t/${owner.tenantId}/board/${line}`);
  await page.getByTestId("add-walk-in").click();
  const walkIn = page.getByRole("dialog", { name: "Add walk-in to Front desk" });
  await expect(walkIn.getByTestId("notify-sms")).toBeDisabled();
  await walkIn.getByLabel("Phone", { exact: true }).fill("+4915123456789");
  await walkIn.getByLabel("Email", { exact: true }).fill("ada@example.org");
  await walkIn.getByTestId("notify-sms").check();
  await walkIn.getByTestId("notify-email").check();
  await walkIn.getByTestId("notify-language").selectOption("de");
  await walkIn.getByTestId("walk-in-submit").click();
  await expect(page.getByText("Added walk-in N001.")).toBeVisible();

  // Its details list the "joined" messages once the worker has sent them.
  const details = page.getByRole("dialog", { name: "Ticket N001" });
  await expectStatus(
    async () => {
      if (await details.isVisible()) await details.getByRole("button", { name: "Close" }).click();
      await page.getByRole("button", { name: "N001: details and history" }).click();
    },
    () => details.getByTestId("notification-row-JOINED-EMAIL"),
    "Sent",
  );
  await expect(details.getByTestId("ticket-notify-channels")).toHaveText("Chose: SMS, Email");
  await expectStatus(
    async () => {
      await details.getByRole("button", { name: "Close" }).click();
      await page.getByRole("button", { name: "N001: details and history" }).click();
    },
    () => details.getByTestId("notification-row-JOINED-SMS"),
    "Sent",
  );
  await snapshot(page, "admin-ticket-notifications");
  await details.getByRole("button", { name: "Close" }).click();

  // Called: the delivery log shows both "called" messages sent, with counts by status.
  expect((await callNext(owner.auth, line, counter))?.number).toBe("N001");
  await expectStatus(
    () => openNotifications(page, owner.tenantId),
    () => page.getByTestId("notification-row-CALLED-SMS"),
    "Sent",
  );
  await expectStatus(
    () => openNotifications(page, owner.tenantId),
    () => page.getByTestId("notification-row-CALLED-EMAIL"),
    "Sent",
  );
  await expect(page.getByTestId("notification-count-DEAD")).toContainText("0");
  await page.getByTestId("notifications-filter-trigger").selectOption("CALLED");
  await expect(page.getByTestId("notification-row-JOINED-SMS")).toHaveCount(0);
  await expect(page.getByTestId("notification-row-CALLED-SMS")).toBeVisible();
  await snapshot(page, "admin-notifications-log");

  // The dev mailbox holds the called email and SMS: the number and the counter are in the text.
  await page.getByTestId("notifications-tab-mailbox").click();
  // Newest first: the first SMS and the first email are the "called" ones.
  await expect(page.getByTestId("dev-message-EMAIL").first()).toContainText("ada@example.org");
  await page.getByTestId("dev-message-SMS").first().getByRole("button").click();
  await expect(page.getByTestId("dev-message-body")).toContainText("N001");
  await expect(page.getByTestId("dev-message-body")).toContainText("Desk 2");
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await page.getByTestId("dev-message-EMAIL").first().getByRole("button").click();
  await expect(page.getByTestId("dev-message-body")).toContainText("N001");
  await snapshot(page, "admin-dev-mailbox");
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

  // Templates: an unknown variable is refused at the body field; a valid text previews with sample values and saves.
  await page.getByTestId("notifications-tab-templates").click();
  await page.getByTestId("template-trigger").selectOption("CALLED");
  await page.getByTestId("template-channel").selectOption("SMS");
  await page.getByTestId("template-language").selectOption("en");
  const body = page.getByTestId("template-body");
  await body.fill("Ticket {nmber}: go to {counter}");
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field--invalid .field__error")).toContainText("nmber");
  await body.fill("Ticket {number}: please go to {counter} now");
  await expect(body).not.toHaveAttribute("aria-invalid");
  await expect(page.getByTestId("template-preview-body")).toContainText("please go to");
  await expect(page.getByTestId("template-preview-body")).not.toContainText("{number}");
  await page.getByTestId("template-save").click();
  await expect(page.getByText("Saved. New messages use this text.")).toBeVisible();
  await expect(page.getByTestId("template-reset")).toBeVisible();
  await snapshot(page, "admin-notification-templates");

  // The same page on a phone: nothing wider than the screen (tables scroll inside their card).
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await signIn(phone, ownerEmail(owner), e2ePassword, `/t/${owner.tenantId}/notifications`);
  await expect(phone.getByTestId("notification-row-CALLED-SMS")).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await snapshot(phone, "admin-notifications-phone");
});
