/**
 * Public tenant resolution: by path and by host (<slug>.<base domain>), with clear pages for an unknown place
 * and a suspended one, and the tenant's branding applied.
 */
import { expect, test } from "@playwright/test";
import { createDeviceKey, createLine, setSuspended, setTheme, signUpTenant } from "../fixtures/api";
import { snapshot } from "../fixtures/artifacts";

test("an unknown place says so", async ({ page }) => {
  await page.goto("/t/no-such-place-anywhere/kiosk");
  await expect(page.getByRole("heading", { name: "No such place" })).toBeVisible();
  await expect(page.getByText("We could not find “no-such-place-anywhere”")).toBeVisible();
  await snapshot(page, "tenant-unknown");
});

test("a suspended place is temporarily unavailable on every public page", async ({ page }) => {
  const owner = await signUpTenant("Paused Pizza");
  await createLine(owner, { name: "Pick-up", prefix: "P" });
  const key = await createDeviceKey(owner);
  await setSuspended(owner.tenantId, true);

  for (const path of [`/t/${owner.slug}`, `/t/${owner.slug}/kiosk?key=${encodeURIComponent(key)}`, `/t/${owner.slug}/display`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Temporarily unavailable" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Pick-up/ })).toHaveCount(0);
  }
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.getByRole("heading", { name: "Vorübergehend nicht verfügbar" })).toBeVisible();
  await snapshot(page, "tenant-suspended");

  await setSuspended(owner.tenantId, false);
  await page.goto(`/t/${owner.slug}/kiosk`);
  await expect(page.getByRole("button", { name: /Pick-up/ })).toBeVisible();
});

test("the tenant's own host resolves without /t/<slug>, branded", async ({ page }) => {
  const owner = await signUpTenant("Host Bakery");
  await setTheme(owner, { primaryColor: "#7a1f5c", accentColor: "#ffd166" });
  await createLine(owner, { name: "Bread", prefix: "B" });
  const key = await createDeviceKey(owner);
  const origin = new URL(process.env.E2E_KIOSK_URL!);
  const hostOrigin = `${origin.protocol}//${owner.slug}.${process.env.E2E_BASE_DOMAIN}:${origin.port}`;

  await page.goto(`${hostOrigin}/`);
  await expect(page.getByRole("heading", { name: "Host Bakery" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Ticket kiosk/ })).toHaveAttribute("href", "/kiosk");
  await page.goto(`${hostOrigin}/kiosk?key=${encodeURIComponent(key)}`);
  await expect(page.getByRole("button", { name: /Bread/ })).toBeVisible();
  await expect(page.locator("html")).toHaveCSS("--brand-primary", "#7a1f5c");

  await page.getByRole("button", { name: /Bread/ }).click();
  await page.getByRole("button", { name: "Get my ticket" }).click();
  await expect(page.getByTestId("ticket-number")).toHaveText("B001");
  // On the tenant's host the QR link needs no ?t= hint.
  const link = await page.getByTestId("tracking-link").getAttribute("href");
  expect(link).toMatch(new RegExp(`^${hostOrigin.replace(/[.]/g, "\\.")}/ticket/[^/?]+$`));
  await page.goto(link!);
  await expect(page.getByTestId("ticket-position")).toHaveText("You are next");
  await expect(page.getByText("Host Bakery")).toBeVisible();
});
