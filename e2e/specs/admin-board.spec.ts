/**
 * Issue 5's live queue board, in the admin console: the owner sees a STAFF member on the Members page; tickets a
 * kiosk issues (device key, plain fetch, on the kiosk's API process) appear on the owner's and the staff member's
 * boards without reload; reorder, call next, complete and transfer done in one browser show in the other; a
 * VIEWER sees the same board live but no action buttons, and the API refuses their call.
 */
import { expect, test, type Page } from "@playwright/test";
import { callNext, createCounter, createDeviceKey, createLine, createTicketType, errorCodeOf, setExtensionSchema, signUpTenant, waitingCount } from "../fixtures/api";
import { addMember, e2ePassword, expectLive, issueFromDevice, ownerEmail, signedInPage, signUpPerson } from "../fixtures/admin";
import { snapshot } from "../fixtures/artifacts";

const extensionSchema = {
  type: "object",
  properties: {
    membership: { type: "string", title: "Membership", enum: ["none", "silver", "gold"] },
    accountRef: { type: "string", title: "Account reference", maxLength: 20 },
  },
  required: ["membership"],
  additionalProperties: false,
};

/** The waiting list's ticket numbers, in queue order. */
const waitingList = (page: Page) => page.getByRole("list", { name: "Waiting tickets in queue order" });
const waitingNumbers = (page: Page) => waitingList(page).getByRole("button", { name: /: details and history$/ });
const nowServing = (page: Page) => page.getByRole("list", { name: "Now serving" });

async function expectWaiting(pages: Page[], numbers: string[]): Promise<void> {
  for (const page of pages) {
    if (numbers.length === 0) await expect(page.getByText("Nobody is waiting")).toBeVisible();
    else await expect(waitingNumbers(page)).toHaveText(numbers);
    await expect(page.getByTestId("waiting-count")).toHaveText(String(numbers.length));
  }
}

test("board: kiosk tickets live, reorder, call next, complete, transfer — owner and staff in sync; a viewer cannot act", async ({ browser }) => {
  test.setTimeout(180_000); // three signed-in browsers on a loaded machine
  // Set-up through the API: two lines, two ticket types, a counter, custom fields, a kiosk key, two more people.
  const owner = await signUpTenant("Harbour Clinic");
  const consult = await createTicketType(owner, "CON", "Consultation");
  const vaccine = await createTicketType(owner, "VAC", "Vaccination");
  const frontDesk = await createLine(owner, { name: "Front desk", prefix: "F", ticketTypeIds: [consult, vaccine] });
  const pharmacy = await createLine(owner, { name: "Pharmacy", prefix: "P", ticketTypeIds: [consult, vaccine] });
  await createCounter(owner, frontDesk, "Desk 1");
  await setExtensionSchema(owner, extensionSchema);
  const deviceKey = await createDeviceKey(owner);
  const staff = await signUpPerson("Staff");
  const viewer = await signUpPerson("Viewer");
  await addMember(owner, viewer.email, "VIEWER");
  // People join by invitation in the console (invitations.spec.ts walks it through the mail); here they are added
  // through the API so this journey stays about the board.
  await addMember(owner, staff.email, "STAFF");
  const board = `/t/${owner.tenantId}/board/${frontDesk}`;

  // The owner sees both on the Members page.
  const admin = await signedInPage(browser, ownerEmail(owner), e2ePassword, `/t/${owner.tenantId}/members`);
  await expect(admin.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  const staffRow = admin.getByRole("row").filter({ hasText: staff.email });
  await expect(staffRow).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: viewer.email })).toBeVisible();
  await snapshot(admin, "admin-members");

  // Both open the board of the empty line, live.
  await admin.goto(`${new URL(admin.url()).origin}/#${board}`);
  const desk = await signedInPage(browser, staff.email, staff.password, board);
  for (const page of [admin, desk]) {
    await expect(page.getByRole("heading", { name: /Front desk/, level: 1 })).toBeVisible();
    await expectLive(page);
  }
  await expectWaiting([admin, desk], []);
  await expect(desk.getByRole("link", { name: "Members" })).toHaveCount(0); // STAFF has no members:read

  // The kiosk issues three tickets: both boards show them, in order, with type and custom fields.
  await issueFromDevice(deviceKey, frontDesk, { ticketTypeId: consult, extensions: { membership: "gold", accountRef: "AC-7731" } });
  await expectWaiting([admin, desk], ["F001"]);
  await issueFromDevice(deviceKey, frontDesk, { ticketTypeId: vaccine, extensions: { membership: "none" } });
  await issueFromDevice(deviceKey, frontDesk, { ticketTypeId: consult, customerName: "Ada Lovelace", extensions: { membership: "silver" } });
  await expectWaiting([admin, desk], ["F001", "F002", "F003"]);
  const first = waitingList(admin).getByRole("listitem").filter({ hasText: "F001" });
  await expect(first.getByText("Consultation")).toBeVisible();
  await expect(first.getByText("Account reference")).toBeVisible();
  await expect(first.getByText("AC-7731")).toBeVisible();
  await expect(waitingList(desk).getByRole("listitem").filter({ hasText: "F003" }).getByText("Ada Lovelace")).toBeVisible();

  // Reorder (owner): F003 up one place; the staff member's board follows.
  await admin.getByRole("button", { name: "Move F003 up" }).click();
  await expectWaiting([admin, desk], ["F001", "F003", "F002"]);

  // Call next (owner, at Desk 1): F001 is called to Desk 1 on both boards.
  await admin.getByLabel("Your counter").selectOption({ label: "Desk 1" });
  await admin.getByRole("button", { name: /^Call next/ }).click();
  for (const page of [admin, desk]) {
    await expect(nowServing(page).getByRole("listitem").filter({ hasText: "F001" })).toContainText("Desk 1");
    await expect(nowServing(page).getByRole("listitem").filter({ hasText: "F001" })).toContainText("Called");
  }
  await expectWaiting([admin, desk], ["F003", "F002"]);
  await expect(admin.getByRole("status").filter({ hasText: "Called F001 to Desk 1." })).toBeAttached();
  await snapshot(admin, "admin-board");
  await snapshot(desk, "admin-board-staff");

  // Start serving, then complete (staff, from the Now serving tile): the owner sees each step; then it is gone.
  // (complete is only legal from SERVING: the API refuses it on a CALLED ticket.)
  const tile = nowServing(desk).getByRole("listitem").filter({ hasText: "F001" });
  await tile.getByRole("button", { name: /^Start serving/ }).click();
  for (const page of [admin, desk]) await expect(nowServing(page).getByRole("listitem").filter({ hasText: "F001" })).toContainText("Serving");
  await tile.getByRole("button", { name: /^Complete/ }).click();
  for (const page of [admin, desk]) await expect(page.getByText("Nobody is being called or served.")).toBeVisible();

  // Transfer (staff): F002 moves to the Pharmacy line, keeping its number.
  await desk.getByLabel("More actions for F002").click(); // a <summary>: no button role

  await desk.getByRole("button", { name: "Transfer to another line…" }).click();
  const dialog = desk.getByRole("dialog", { name: "Transfer F002" });
  await dialog.getByLabel("To line").selectOption({ label: "P · Pharmacy" });
  await dialog.getByRole("button", { name: "Transfer", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expectWaiting([admin, desk], ["F003"]);
  expect(await waitingCount(owner.auth, pharmacy)).toBe(1);

  // Call next (staff, no counter): the owner sees F003 called.
  await desk.getByRole("button", { name: /^Call next/ }).click();
  await expect(nowServing(admin).getByRole("listitem").filter({ hasText: "F003" })).toContainText("No counter");
  await expectWaiting([admin, desk], []);

  // A VIEWER: the same live board, no buttons that would fail; the API refuses them anyway.
  const watch = await signedInPage(browser, viewer.email, viewer.password, board);
  await expect(watch.getByRole("heading", { name: /Front desk/, level: 1 })).toBeVisible();
  await expectLive(watch);
  await expect(nowServing(watch).getByRole("listitem").filter({ hasText: "F003" })).toBeVisible();
  await issueFromDevice(deviceKey, frontDesk, { ticketTypeId: vaccine, extensions: { membership: "gold" } });
  await expectWaiting([watch, admin], ["F004"]);
  await expect(watch.getByRole("button", { name: /^Call next/ })).toHaveCount(0);
  await expect(watch.getByRole("button", { name: /^Call F004/ })).toHaveCount(0);
  await expect(watch.getByRole("button", { name: /Move F004/ })).toHaveCount(0);
  await expect(watch.getByLabel(/More actions/)).toHaveCount(0);
  await expect(nowServing(watch).getByRole("button")).toHaveCount(0);
  await expect(watch.getByLabel("Your counter")).toHaveCount(0);
  await snapshot(watch, "admin-board-viewer");
  expect(await errorCodeOf(() => callNext(viewer.auth, frontDesk, null))).toBe("FORBIDDEN");
  await expectWaiting([watch], ["F004"]);

  // Keyboard shortcut on the staff board: N calls the next ticket; the viewer sees it.
  await desk.locator("body").press("n");
  await expect(nowServing(watch).getByRole("listitem").filter({ hasText: "F004" })).toBeVisible();
  await expectWaiting([watch, admin, desk], []);
});
