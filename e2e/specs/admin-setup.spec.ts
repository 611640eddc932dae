/**
 * Issue 5's setup journey, all through the admin console: an owner signs up (confirming by email), creates a subtenant in the tenant
 * tree, two ticket types, a line accepting both (with a counter), and the ticket-extension schema (rejected while
 * invalid, previewed, saved); the API then holds what the pages show. Screenshots of every settings page.
 */
import { expect, test } from "@playwright/test";
import { gql } from "../fixtures/api";
import { adminUrl } from "../fixtures/admin";
import { snapshot } from "../fixtures/artifacts";
import { linkFromMail } from "../fixtures/mail";

const schemaText = JSON.stringify(
  {
    type: "object",
    properties: {
      membership: { type: "string", title: "Membership", enum: ["none", "silver", "gold"] },
      age: { type: "integer", title: "Age", minimum: 18, maximum: 120 },
    },
    required: ["membership"],
    additionalProperties: false,
  },
  null,
  2,
);

test("owner signs up, adds a subtenant, ticket types, a line with a counter and custom fields", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const slug = `northwind-${id}`;

  // Sign up.
  await page.goto(`${adminUrl}/#/signup`);
  await expect(page.getByRole("heading", { name: "Create your qline account" })).toBeVisible();
  await page.getByLabel("Your name").fill("Nora Owner");
  await page.getByLabel("Email").fill(`nora-${id}@e2e.test`);
  await page.getByLabel("Password").fill("e2e-Password-2026");
  await page.getByLabel("Organisation name").fill("Northwind Pharmacies");
  await page.getByLabel("First location").fill("Northwind Central");
  await page.getByLabel("Web address (slug)").fill(slug);
  await snapshot(page, "admin-signup");
  await page.getByRole("button", { name: "Create account" }).click();
  // Nothing exists until the address is confirmed: the link arrives by email.
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(await linkFromMail(`nora-${id}@e2e.test`, "confirm-signup"));
  await expect(page.getByRole("heading", { name: "Northwind Central", level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("your role: Owner")).toBeVisible();
  const token = await page.evaluate(() => localStorage.getItem("qline.admin.token"));
  expect(token).toBeTruthy();
  const auth = `Bearer ${token}`;
  const nav = page.getByRole("navigation", { name: "Northwind Central sections" });

  // Tenant tree: a subtenant under the root.
  await nav.getByRole("link", { name: "Tenant tree" }).click();
  await expect(page.getByRole("heading", { name: "Tenant tree", level: 1 })).toBeVisible();
  await expect(page.getByText("No subtenants yet.")).toBeVisible();
  await page.getByRole("button", { name: "Add subtenant under Northwind Central" }).click();
  const subDialog = page.getByRole("dialog", { name: "New subtenant under Northwind Central" });
  await subDialog.getByLabel("Name").fill("Northwind Harbour");
  await subDialog.getByLabel("Slug").fill(`${slug}-harbour`);
  await subDialog.getByLabel("Address").fill("1 Quay Street, Portsmouth");
  await subDialog.getByRole("button", { name: "Create subtenant" }).click();
  await expect(subDialog).toBeHidden();
  await expect(page.getByText("Created Northwind Harbour.")).toBeVisible();
  const tree = page.getByRole("list", { name: "Tenants under Northwind Central" });
  await expect(tree.getByRole("link", { name: "Northwind Harbour" })).toBeVisible();
  await expect(tree.getByText("1 Quay Street, Portsmouth")).toBeVisible();
  await snapshot(page, "admin-tree");

  // Lines & counters: two ticket types, then a line accepting both, then a counter on it.
  await nav.getByRole("link", { name: "Lines & counters" }).click();
  await expect(page.getByRole("heading", { name: "Lines & counters", level: 1 })).toBeVisible();
  await expect(page.getByText("No lines yet")).toBeVisible();
  const typeForm = page.getByRole("form", { name: "Add a ticket type" });
  for (const [code, name, minutes] of [
    ["RX", "Prescription", "4"],
    ["ADV", "Advice", "10"],
  ] as const) {
    await typeForm.getByLabel("Code").fill(code);
    await typeForm.getByLabel("Name").fill(name);
    await typeForm.getByLabel("Typical service (min)").fill(minutes);
    await typeForm.getByRole("button", { name: "Add type" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: `${code} ${name}` })).toBeVisible();
    await expect(typeForm.getByLabel("Code")).toHaveValue("");
  }

  await page.getByRole("button", { name: "New line" }).click();
  const lineDialog = page.getByRole("dialog", { name: "New line" });
  await lineDialog.getByLabel("Name").fill("Dispensary");
  await lineDialog.getByLabel("Number prefix").fill("d");
  await expect(lineDialog.getByLabel("Number prefix")).toHaveValue("D");
  await lineDialog.getByRole("checkbox", { name: /Prescription/ }).check();
  await lineDialog.getByRole("checkbox", { name: /Advice/ }).check();
  await lineDialog.getByRole("checkbox", { name: "Show estimated waits to customers" }).check();
  await snapshot(page, "admin-line-form");
  await lineDialog.getByRole("button", { name: "Create line" }).click();
  await expect(lineDialog).toBeHidden();
  const card = page.getByRole("article", { name: /Dispensary/ });
  await expect(card).toBeVisible();
  await expect(card.getByText(/^(RX, ADV|ADV, RX)$/)).toBeVisible();
  await expect(card.getByText("Accepting", { exact: true })).toBeVisible();
  await card.getByLabel("New counter name").fill("Window 1");
  await card.getByRole("button", { name: "Add counter" }).click();
  await expect(card.getByRole("listitem").filter({ hasText: "Window 1" })).toContainText("open");
  await snapshot(page, "admin-lines");

  // Ticket fields: an invalid schema cannot be saved; a valid one previews the kiosk form and saves.
  await nav.getByRole("link", { name: "Ticket fields" }).click();
  await expect(page.getByRole("heading", { name: "Ticket fields", level: 1 })).toBeVisible();
  const editor = page.getByLabel("JSON Schema (draft 2020-12)");
  await editor.fill('{ "type": "object", "properties": { "age": { "type": "integr" } } }');
  await expect(page.getByRole("button", { name: "Save schema" })).toBeDisabled();
  await expect(page.getByText("Fix the schema to see the form.")).toBeVisible();
  await editor.fill(schemaText);
  await expect(page.getByText("✓ Valid schema.")).toBeVisible();
  const preview = page.locator(".schema-editor__preview"); // the preview card has no landmark of its own
  await expect(preview.getByLabel(/Membership/)).toBeVisible();
  await expect(preview.getByLabel(/Age/)).toBeVisible();
  await page.getByRole("button", { name: "Save schema" }).click();
  await expect(page.getByText(/Saved as version \d+/)).toBeVisible();
  await snapshot(page, "admin-ticket-fields");

  // Settings and members of the new tenant.
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Settings inheritance" })).toBeVisible();
  await snapshot(page, "admin-settings");
  await nav.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("row").filter({ hasText: `nora-${id}@e2e.test` })).toBeVisible();
  await snapshot(page, "admin-members-owner");

  // The API holds what the pages showed.
  const { tenantBySlug } = await gql<{ tenantBySlug: { id: string } }>(auth, `query($s: String!) { tenantBySlug(slug: $s) { id } }`, { s: slug });
  const tenantId = tenantBySlug.id;
  const { tenant } = await gql<{
    tenant: {
      children: { slug: string }[];
      ticketExtensionSchema: { required: string[] } | null;
      lines: { name: string; prefix: string; allowedTicketTypeIds: string[]; counters: { name: string }[] }[];
    };
  }>(auth, `query($id: ID!) { tenant(id: $id) { children { slug } ticketExtensionSchema lines { name prefix allowedTicketTypeIds counters { name } } } }`, { id: tenantId });
  expect(tenant.children.map((c) => c.slug)).toEqual([`${slug}-harbour`]);
  expect(tenant.ticketExtensionSchema?.required).toEqual(["membership"]);
  expect(tenant.lines).toHaveLength(1);
  expect(tenant.lines[0]).toMatchObject({ name: "Dispensary", prefix: "D", counters: [{ name: "Window 1" }] });
  expect(tenant.lines[0]!.allowedTicketTypeIds).toHaveLength(2);
});
