/**
 * Network drop: the customer's WebSocket is cut and stays down while staff call the ticket. When the network
 * comes back the page reconnects by itself, re-subscribes, refetches and shows "your turn" — no reload.
 */
import { expect, test, type WebSocketRoute } from "@playwright/test";
import { callNext, createCounter, createDeviceKey, createLine, issueTicketAs, signUpTenant } from "../fixtures/api";
import { snapshot } from "../fixtures/artifacts";

test("the customer page recovers after the WebSocket is cut", async ({ page }) => {
  const owner = await signUpTenant("Reconnect Deli");
  const lineId = await createLine(owner, { name: "Deli", prefix: "D" });
  const counterId = await createCounter(owner, lineId, "Counter 2");
  const key = await createDeviceKey(owner);
  await issueTicketAs(`ApiKey ${key}`, lineId); // D001, ahead of ours
  const ticket = await issueTicketAs(`ApiKey ${key}`, lineId);

  // Every socket goes through here: proxied to the API while the network is "up", dropped while it is "down".
  let networkUp = true;
  const open: WebSocketRoute[] = [];
  let connections = 0;
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    if (!networkUp) {
      void ws.close({ code: 1001, reason: "network down" });
      return;
    }
    connections += 1;
    ws.connectToServer();
    open.push(ws);
  });

  await page.goto(`/ticket/${ticket.trackingCode}?t=${owner.slug}`);
  await expect(page.getByTestId("customer-number")).toHaveText(ticket.number);
  await expect(page.getByTestId("ticket-position")).toHaveText("Position 2 in line");
  await expect(page.locator(".connection")).toHaveAttribute("data-state", "online");

  // Live while connected.
  expect(await callNext(owner.auth, lineId, counterId)).toMatchObject({ number: "D001" });
  await expect(page.getByTestId("ticket-position")).toHaveText("You are next", { timeout: 5_000 });

  // The network drops: sockets close and reconnection attempts fail.
  networkUp = false;
  for (const ws of open.splice(0)) await ws.close({ code: 1001, reason: "network down" });
  await expect(page.locator(".connection")).not.toHaveAttribute("data-state", "online");

  // Staff call our ticket meanwhile: the page cannot know yet.
  expect(await callNext(owner.auth, lineId, counterId)).toMatchObject({ number: ticket.number });
  await page.waitForTimeout(1_500);
  await expect(page.getByTestId("your-turn")).toHaveCount(0);
  await snapshot(page, "customer-offline");

  // Back online (the browser says so too): reconnect, re-subscribe, refetch.
  const before = connections;
  networkUp = true;
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.getByTestId("your-turn")).toHaveText("It's your turn — Counter 2", { timeout: 10_000 });
  await expect(page.locator(".connection")).toHaveAttribute("data-state", "online");
  expect(connections).toBeGreaterThan(before);
  await snapshot(page, "customer-reconnected");
});

test("the customer page recovers by itself, without an online event", async ({ page }) => {
  const owner = await signUpTenant("Quiet Reconnect");
  const lineId = await createLine(owner, { name: "Pharmacy", prefix: "P" });
  const key = await createDeviceKey(owner);
  const ticket = await issueTicketAs(`ApiKey ${key}`, lineId);

  let networkUp = true;
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    if (!networkUp) return void ws.close({ code: 1001, reason: "network down" });
    ws.connectToServer();
    open.push(ws);
  });
  await page.goto(`/ticket/${ticket.trackingCode}`);
  await expect(page.locator(".connection")).toHaveAttribute("data-state", "online");

  networkUp = false;
  for (const ws of open.splice(0)) await ws.close({ code: 1001, reason: "network down" });
  await callNext(owner.auth, lineId, null);
  await page.waitForTimeout(1_000);
  networkUp = true;
  // graphql-ws retries with capped backoff; the `connected` handler refetches what was missed.
  await expect(page.getByTestId("your-turn")).toBeVisible({ timeout: 20_000 });
});
