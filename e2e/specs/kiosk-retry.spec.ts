/**
 * "Never two tickets for one tap": the API creates the ticket but the answer is lost on the way back. The kiosk
 * shows the network error, "Try again" resends the same idempotency key, and the same ticket comes back.
 */
import { expect, test } from "@playwright/test";
import { createDeviceKey, createLine, signUpTenant, waitingCount } from "../fixtures/api";
import { snapshot } from "../fixtures/artifacts";

test("a lost answer and a retry give one ticket", async ({ page }) => {
  const owner = await signUpTenant("Lossy Network Cafe");
  const lineId = await createLine(owner, { name: "Espresso bar", prefix: "E" });
  const key = await createDeviceKey(owner);

  const issueKeys: string[] = [];
  let dropNextAnswer = true;
  await page.route(/\/graphql$/, async (route) => {
    const body = route.request().method() === "POST" ? (route.request().postDataJSON() as { operationName?: string; variables?: { input?: { idempotencyKey?: string } } }) : null;
    if (body?.operationName !== "IssueTicket") return route.continue();
    issueKeys.push(body.variables?.input?.idempotencyKey ?? "");
    if (!dropNextAnswer) return route.continue();
    dropNextAnswer = false;
    await route.fetch(); // the API does the work...
    await route.abort("connectionreset"); // ...and the kiosk never hears back
  });

  await page.goto(`/t/${owner.slug}/kiosk?key=${encodeURIComponent(key)}`);
  await page.getByRole("button", { name: /Espresso bar/ }).click();
  await page.getByRole("button", { name: "Get my ticket" }).click();
  await expect(page.getByRole("alert")).toContainText("you will not get two tickets");
  expect(await waitingCount(owner.auth, lineId)).toBe(1); // it was created
  await snapshot(page, "kiosk-network-error");

  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("ticket-number")).toHaveText("E001");
  expect(issueKeys).toHaveLength(2);
  expect(issueKeys[1]).toBe(issueKeys[0]);
  expect(await waitingCount(owner.auth, lineId)).toBe(1); // and only once
});
