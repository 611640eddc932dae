/**
 * People by email: an owner invites a manager from the members page → the invitation email reaches the run's local
 * SMTP server (the API's dev SMTP sink, read through devPlatformMailbox as the platform admin) → the invitee opens
 * the link, creates a login for the invited address, joins and sees the tenant; the owner sees them as a member.
 * Then a forgotten password: the login page's link → an emailed reset link → a new password → signed in with it.
 */
import { expect, test, type Page } from "@playwright/test";
import { signUpTenant } from "../fixtures/api";
import { adminUrl, e2ePassword, ownerEmail, signedInPage } from "../fixtures/admin";
import { linkFromMail } from "../fixtures/mail";

async function freshPage(page: Page): Promise<Page> {
  const context = await page.context().browser()!.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

test("invite a manager by email → they create a login, join and see the tenant; a password reset by email", async ({ browser }) => {
  const owner = await signUpTenant("Invite Bistro");
  const managerEmail = `manager-${owner.slug}@e2e.test`;
  const page = await signedInPage(browser, ownerEmail(owner), e2ePassword, `/t/${owner.tenantId}/members`);

  // The owner invites: the form says an invitation was sent, the pending list shows it; nobody is a member yet.
  const form = page.getByRole("form", { name: "Invite a member" });
  await form.getByLabel("Email").fill(managerEmail);
  await form.getByLabel("Role").selectOption("MANAGER");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${managerEmail}`)).toBeVisible();
  const pending = page.getByRole("table", { name: "Pending invitations" });
  await expect(pending.getByRole("row", { name: new RegExp(managerEmail) })).toContainText("Manager");

  // The email arrives with a link into the admin console.
  const inviteLink = await linkFromMail(managerEmail, "invite");
  expect(inviteLink.startsWith(`${adminUrl}/#/invite/`)).toBe(true);

  // The invitee opens it signed out, creates a login for the invited address and joins.
  const invitee = await freshPage(page);
  await invitee.goto(inviteLink);
  await expect(invitee.getByRole("heading", { name: "Join Invite Bistro" })).toBeVisible();
  await expect(invitee.getByText(`The invitation is for ${managerEmail}`)).toBeVisible();
  await invitee.getByLabel("Your name").fill("Maya Manager");
  await invitee.getByLabel("Password").fill("harbour-Violet-lantern-58");
  await invitee.getByRole("button", { name: "Create login and join" }).click();
  await expect(invitee.getByRole("button", { name: "Sign out", exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(invitee).toHaveURL(new RegExp(`#/t/${owner.tenantId}/`));
  await expect(invitee.getByRole("heading", { name: "Invite Bistro", level: 1 })).toBeVisible();
  await expect(invitee.getByText("your role: Manager")).toBeVisible();

  // The same link works once.
  const again = await freshPage(page);
  await again.goto(inviteLink);
  await expect(again.getByText("This invitation has been accepted already.")).toBeVisible();

  // The owner now sees the manager as a member, and no pending invitation.
  await page.reload();
  await expect(page.getByRole("row", { name: /Maya Manager/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Pending invitations" })).toHaveCount(0);

  // A forgotten password: the login page's link, the same answer for any address, a link by email.
  const forgot = await freshPage(page);
  await forgot.goto(`${adminUrl}/#/login`);
  await forgot.getByRole("link", { name: "Forgot your password?" }).click();
  await forgot.getByLabel("Email").fill(managerEmail);
  await forgot.getByRole("button", { name: "Email me a link" }).click();
  await expect(forgot.getByText(/Check your email/)).toBeVisible();
  const resetLink = await linkFromMail(managerEmail, "reset-password");
  await forgot.goto(resetLink);
  await forgot.getByLabel("New password").fill("Password12");
  await forgot.getByRole("button", { name: "Set new password" }).click();
  await expect(forgot.getByText(/too easy to guess/)).toBeVisible();
  await forgot.getByLabel("New password").fill("lantern-Quiet-meadow-74");
  await forgot.getByRole("button", { name: "Set new password" }).click();
  await expect(forgot.getByText(/Your password is changed/)).toBeVisible();
  // The invitee's session from joining ended with the reset; the new password signs in.
  await forgot.getByRole("link", { name: "Sign in", exact: true }).click();
  await forgot.getByLabel("Email").fill(managerEmail);
  await forgot.getByLabel("Password").fill("lantern-Quiet-meadow-74");
  await forgot.getByRole("button", { name: "Sign in" }).click();
  await expect(forgot.getByRole("button", { name: "Sign out", exact: true })).toBeVisible({ timeout: 20_000 });
});
