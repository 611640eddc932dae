/**
 * Issue 15, "edit everything", in the admin console against the real API: a line and a counter are renamed and
 * archived (their history keeps the names; archived lines take no tickets and leave the join page) and restored;
 * a second counter with a taken name is refused next to the field; the custom fields' order set in the schema
 * editor survives the save and is the order the join form asks them in; a no-show asks first and is undone.
 */
import { expect, test } from "@playwright/test";
import { callNext, createCounter, createLine, createRemoteLine, errorCodeOf, gql, issueTicketAs, signUpTenant } from "../fixtures/api";
import { e2ePassword, expectLive, ownerEmail, signedInPage } from "../fixtures/admin";
import { snapshot } from "../fixtures/artifacts";

const schema = {
  type: "object",
  properties: {
    seat: { type: "integer", title: "Seat number", minimum: 1 },
    fullName: { type: "string", title: "Full name" },
    allergies: { type: "string", title: "Allergies" },
  },
  required: ["fullName"],
};

test("rename and archive a line and a counter, refuse a duplicate counter, keep the field order, undo a no-show", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await signUpTenant("Edit Pharmacy");
  const pharmacyId = await createLine(owner, { name: "Pharmacy", prefix: "P" });
  const counterId = await createCounter(owner, pharmacyId, "Till 1");
  const returns = await createRemoteLine(owner, "Returns", "R");
  // A ticket served at the Returns line: its history must keep the line's (new) name after archiving.
  const served = await issueTicketAs(owner.auth, returns.id);
  await callNext(owner.auth, returns.id, null);
  const { line: returnsLine } = await gql<{ line: { tickets: { nodes: { id: string; number: string }[] } } }>(
    owner.auth,
    `query($id: ID!) { line(id: $id) { tickets(status: [CALLED], first: 5) { nodes { id number } } } }`,
    { id: returns.id },
  );
  const servedId = returnsLine.tickets.nodes.find((t) => t.number === served.number)!.id;
  for (const op of ["startServing", "completeTicket"]) await gql(owner.auth, `mutation($id: ID!) { ${op}(id: $id) { id } }`, { id: servedId });

  const page = await signedInPage(browser, ownerEmail(owner), e2ePassword, `/t/${owner.tenantId}/lines`);
  await expect(page.getByRole("heading", { name: "Lines & counters", level: 1 })).toBeVisible();
  const pharmacy = page.getByRole("article", { name: /Pharmacy/ });

  // Rename a counter, then try a second counter with the same name in other letters: refused beside the field.
  await pharmacy.getByRole("button", { name: "Rename counter Till 1" }).click();
  await pharmacy.getByLabel("New name for counter Till 1").fill("Till A");
  await pharmacy.getByRole("button", { name: "Save" }).click();
  await expect(pharmacy.getByRole("listitem").filter({ hasText: "Till A" })).toContainText("open");
  await pharmacy.getByLabel("New counter name").fill("till a");
  await pharmacy.getByRole("button", { name: "Add counter" }).click();
  await expect(pharmacy.getByText('This line already has a counter named "till a"')).toBeVisible();
  await snapshot(page, "edit-duplicate-counter");
  await pharmacy.getByLabel("New counter name").fill("Till B");
  await pharmacy.getByRole("button", { name: "Add counter" }).click();
  await expect(pharmacy.getByRole("listitem").filter({ hasText: "Till B" })).toBeVisible();

  // Archive Till B (asked first); it moves to "Archived counters" and frees its name.
  await pharmacy.getByRole("button", { name: "Archive counter Till B" }).click();
  await page.getByRole("dialog", { name: "Archive counter Till B?" }).getByRole("button", { name: "Archive" }).click();
  await pharmacy.getByText("Archived counters").click();
  await expect(pharmacy.getByRole("button", { name: "Restore counter Till B" })).toBeVisible();

  // Rename the Returns line, then archive it: gone from the cards and the join page, its old ticket keeps the name.
  const returnsCard = page.getByRole("article", { name: /Returns/ });
  await returnsCard.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Returns" });
  await dialog.getByLabel("Name").fill("Returns desk");
  await dialog.getByRole("button", { name: "Save line" }).click();
  await expect(dialog).toBeHidden();
  const desk = page.getByRole("article", { name: /Returns desk/ });
  await desk.getByRole("button", { name: "Archive Returns desk" }).click();
  const confirm = page.getByRole("dialog", { name: "Archive Returns desk?" });
  await expect(confirm).toContainText("Its tickets and analytics keep its name");
  await confirm.getByRole("button", { name: "Archive" }).click();
  await expect(desk).toBeHidden();
  await page.getByText("Archived lines (1)").click();
  await expect(page.getByRole("button", { name: "Restore Returns desk" })).toBeVisible();
  await snapshot(page, "edit-archived");
  expect(await errorCodeOf(() => issueTicketAs(owner.auth, returns.id))).toBe("CONFLICT");
  const { ticket } = await gql<{ ticket: { status: string; line: { name: string } } }>(owner.auth, `query($id: ID!) { ticket(id: $id) { status line { name } } }`, { id: servedId });
  expect(ticket).toEqual({ status: "SERVED", line: { name: "Returns desk" } });
  const { tenantBySlug } = await gql<{ tenantBySlug: { joinLines: { id: string }[] } }>(null, `query($s: String!) { tenantBySlug(slug: $s) { joinLines { id } } }`, { s: owner.slug });
  expect(tenantBySlug.joinLines.map((l) => l.id)).not.toContain(returns.id);
  await page.getByRole("button", { name: "Restore Returns desk" }).click();
  await expect(page.getByRole("article", { name: /Returns desk/ })).toBeVisible();

  // Custom fields: written seat, fullName, allergies; "Full name" moved first in the editor; kept after saving.
  await page.goto(`${page.url().split("#")[0]}#/t/${owner.tenantId}/ticket-fields`);
  const editor = page.getByLabel("JSON Schema (draft 2020-12)");
  await editor.fill(JSON.stringify({ ...schema, properties: { ...schema.properties, seat: { type: "text" } } }, null, 2));
  await expect(page.getByText("Field “seat”: type must be one of")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save schema" })).toBeDisabled();
  await editor.fill(JSON.stringify(schema, null, 2));
  const order = page.getByRole("list", { name: "Field order" });
  await expect(order.getByRole("listitem")).toHaveText([/1\. seat/, /2\. fullName/, /3\. allergies/]);
  await page.getByRole("button", { name: "Move fullName up" }).click();
  await expect(order.getByRole("listitem")).toHaveText([/1\. fullName/, /2\. seat/, /3\. allergies/]);
  await page.getByRole("button", { name: "Save schema" }).click();
  await expect(page.getByText(/Saved as version \d+/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list", { name: "Field order" }).getByRole("listitem")).toHaveText([/1\. fullName/, /2\. seat/, /3\. allergies/]);
  await snapshot(page, "edit-field-order");
  const join = await browser.newPage();
  await join.goto(returns.joinUrl);
  await expect(join.getByLabel(/Full name/)).toBeVisible({ timeout: 20_000 });
  const labels = await join.locator(".custom-fields label").allTextContents();
  const at = (text: string) => labels.findIndex((l) => l.includes(text));
  expect(at("Full name")).toBeGreaterThanOrEqual(0);
  expect(at("Full name")).toBeLessThan(at("Seat number"));
  expect(at("Seat number")).toBeLessThan(at("Allergies"));
  await join.close();

  // No-show on the board: asked first, then undone — the ticket waits again at its old place.
  await issueTicketAs(owner.auth, pharmacyId, { extensions: { fullName: "Ada" } });
  const second = await issueTicketAs(owner.auth, pharmacyId, { extensions: { fullName: "Bo" } });
  const called = await callNext(owner.auth, pharmacyId, counterId);
  await page.goto(`${page.url().split("#")[0]}#/t/${owner.tenantId}/board/${pharmacyId}`);
  await expectLive(page);
  const serving = page.getByRole("list", { name: "Now serving" });
  await expect(serving).toContainText(called!.number);
  await serving.getByRole("button", { name: "No-show" }).click();
  const ask = page.getByRole("dialog", { name: `Mark ${called!.number} as a no-show?` });
  await expect(ask).toContainText("You can undo this for 5 minutes");
  await ask.getByRole("button", { name: "Mark no-show" }).click();
  await expect(page.getByText(`${called!.number} marked as a no-show.`)).toBeVisible();
  await expect(serving.getByText(called!.number)).toHaveCount(0); // (the list itself goes when nobody is served)
  await snapshot(page, "edit-no-show-undo");
  await page.locator(".undo-bar").getByRole("button", { name: "Undo" }).click();
  const waiting = page.getByRole("list", { name: "Waiting tickets in queue order" }).getByRole("button", { name: /: details and history$/ });
  await expect(waiting).toHaveText([called!.number, second.number]);
  await page.context().close();
});
