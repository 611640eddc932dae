/**
 * Sessions in the admin console: a person signed in on two devices changes their password on the account page.
 * A weak new password is refused with the API's advice; a strong one swaps in a new token, and every old token
 * (this browser's and the other device's) is refused by the API from then on. Signing out ends the new session
 * on the server too.
 */
import { expect, test } from "@playwright/test";
import { errorCodeOf, gql } from "../fixtures/api";
import { signedInPage, signUpPerson } from "../fixtures/admin";

const me = `{ me { id } }`;

test("change password on the account page: old tokens are refused, the new one works until sign out", async ({ browser }) => {
  const person = await signUpPerson("Acct"); // its sign-up token stands for a second device
  const page = await signedInPage(browser, person.email, person.password, "/account");
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  const oldToken = await page.evaluate(() => localStorage.getItem("qline.admin.token"));
  expect(oldToken).toBeTruthy();

  // A common password is refused, with what to do about it, and nothing changes.
  await page.getByLabel("Current password", { exact: true }).fill(person.password);
  await page.getByLabel("New password", { exact: true }).fill("Password12");
  await page.getByLabel("Repeat the new password").fill("Password12");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/too easy to guess/)).toBeVisible();
  expect(await errorCodeOf(() => gql(`Bearer ${oldToken}`, me))).toBeNull();

  // A strong one: a new session, every other one ended.
  const strong = "violet-harbour-lantern-58";
  await page.getByLabel("New password", { exact: true }).fill(strong);
  await page.getByLabel("Repeat the new password").fill(strong);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. You were signed out on every other device.")).toBeVisible({ timeout: 20_000 });
  const newToken = await page.evaluate(() => localStorage.getItem("qline.admin.token"));
  expect(newToken).toBeTruthy();
  expect(newToken).not.toBe(oldToken);
  expect(await errorCodeOf(() => gql(`Bearer ${oldToken}`, me))).toBe("UNAUTHENTICATED");
  expect(await errorCodeOf(() => gql(person.auth, me))).toBe("UNAUTHENTICATED");
  expect(await errorCodeOf(() => gql(`Bearer ${newToken}`, me))).toBeNull();

  // Sign out ends the new session on the server as well.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect(await errorCodeOf(() => gql(`Bearer ${newToken}`, me))).toBe("UNAUTHENTICATED");
  await page.context().close();
});
