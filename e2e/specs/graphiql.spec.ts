/**
 * GraphiQL works offline: the page, its scripts and styles come from the API itself (no CDN), its schema loads
 * through the API's limits, and a query runs. Any request leaving localhost fails the test.
 */
import { expect, test, type Page } from "@playwright/test";
import { callNext, createLine, issueTicketAs, signUpTenant } from "../fixtures/api";

const apiUrl = process.env.E2E_API_URL!;
const local = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Fails every request leaving localhost (recorded in `outside`) and records console errors in `problems`. */
async function guard(page: Page): Promise<{ outside: string[]; problems: string[] }> {
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
  return { outside, problems };
}

const graphiqlWith = (query: string) => `${apiUrl.replace(/\/graphql$/, "/graphiql/")}?query=${encodeURIComponent(query)}`;

test("GraphiQL loads from local assets, shows the schema and runs a query", async ({ page }) => {
  const { outside, problems } = await guard(page);
  const query = "query Probe { __typename }";
  await page.goto(graphiqlWith(query));
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

test("GraphiQL runs a subscription over the WebSocket and shows its events", async ({ page }) => {
  const { outside, problems } = await guard(page);
  const owner = await signUpTenant("GraphiQL Deli");
  const lineId = await createLine(owner, { name: "Counter", prefix: "G" });
  const ticket = await issueTicketAs(owner.auth, lineId);

  await page.goto(graphiqlWith(`subscription Follow { ticketUpdated(code: "${ticket.trackingCode}") { number status } }`));
  await page.getByRole("button", { name: /Execute query/ }).click();
  await expect(page.locator(".graphiql-response")).toContainText('"status": "WAITING"');
  await callNext(owner.auth, lineId, null);
  await expect(page.locator(".graphiql-response")).toContainText('"status": "CALLED"');

  expect(outside, "requests outside localhost").toEqual([]);
  expect(problems, "console errors").toEqual([]);
});
