/**
 * GraphiQL works offline: the page, its scripts and styles come from the API itself (no CDN), its schema loads
 * through the API's limits, and a query runs. Any request leaving localhost fails the test.
 */
import { expect, test } from "@playwright/test";

const apiUrl = process.env.E2E_API_URL!;
const local = new Set(["127.0.0.1", "localhost", "[::1]"]);

test("GraphiQL loads from local assets, shows the schema and runs a query", async ({ page }) => {
  const outside: string[] = [];
  const problems: string[] = [];
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (/^(https?|wss?):$/.test(url.protocol) && !local.has(url.hostname)) {
      outside.push(url.href);
      await route.abort();
      return;
    }
    await route.continue();
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));

  const query = "query Probe { __typename }";
  await page.goto(`${apiUrl.replace(/\/graphql$/, "/graphiql/")}?query=${encodeURIComponent(query)}`);
  await expect(page.locator(".graphiql-container")).toBeVisible();

  await page.getByRole("button", { name: /Execute query/ }).click();
  await expect(page.locator(".graphiql-response")).toContainText('"__typename": "Query"');

  // The documentation explorer fills from the (shallow) introspection query.
  await page.getByRole("button", { name: /Show Documentation Explorer/ }).click();
  await expect(page.locator(".graphiql-doc-explorer")).toContainText("Query");
  await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().click();
  await expect(page.locator(".graphiql-doc-explorer")).toContainText("tenantBySlug");

  expect(outside, "requests outside localhost").toEqual([]);
  expect(problems, "console errors (CSP violations included)").toEqual([]);
});
