/**
 * Issue 13's Web Push journey on a phone viewport (390×844): a customer joins, turns on "Notify me when it's my
 * turn" (notifications permission granted in the context; the service worker registers), closes the page; staff
 * call the ticket; a local push service (@qline/push-receiver: HTTPS, VAPID checked, RFC 8291 decrypted with
 * the subscription's own keys) receives exactly one "called" message naming the counter, and the page's service
 * worker turns that message into a notification.
 *
 * WHAT IS SUBSTITUTED, AND WHY: headless Chromium cannot create a real push subscription here. PushManager.subscribe
 * first registers the browser with Google's push service (FCM), which this closed network cannot reach: in a
 * normal profile the call never settles, in an incognito profile Chromium refuses it ("Registration failed -
 * permission denied"). So this test replaces PushManager.subscribe (only that call) with one that records what
 * the page asked for and answers the receiver's own subscription — an endpoint on the local push service and
 * keys the receiver holds, as a browser would. Everything else is real: the service worker registration, the
 * permission, the page reading the server's VAPID key and passing it to subscribe, subscribeTicketPush with the
 * subscription JSON, the API's outbox and web-push sender, the aes128gcm encryption and the VAPID signature (the
 * receiver verifies and decrypts them; nothing is faked there), and the service worker's push handler (the
 * decrypted message is handed to it through the DevTools protocol's ServiceWorker.deliverPushMessage, as the
 * browser would after decrypting it).
 */
import { expect, test } from "@playwright/test";
import { startPushReceiver, type PushReceiver } from "@qline/push-receiver";
import { createCounter, createRemoteLine, gql, publicTicket, signUpTenant } from "../fixtures/api";
import { snapshot } from "../fixtures/artifacts";
import { substitutePushSubscribe } from "../fixtures/push";

let receiver: PushReceiver;
test.beforeAll(async () => {
  receiver = await startPushReceiver();
});
test.afterAll(async () => {
  await receiver?.close();
});

test("join on a phone → turn on push → close the page → called → exactly one encrypted 'called' push naming the counter", async ({ browser }) => {
  const owner = await signUpTenant("Riverside Bakery");
  const line = await createRemoteLine(owner, "Cakes", "C");
  const counterId = await createCounter(owner, line.id, "Counter 2");
  const { webPushPublicKey } = await gql<{ webPushPublicKey: string }>(null, `{ webPushPublicKey }`);
  expect(Buffer.from(webPushPublicKey, "base64url")).toHaveLength(65);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, permissions: ["notifications"] });
  const page = await context.newPage();
  const { id: subscriptionId, subscription } = receiver.subscribe();
  await substitutePushSubscribe(page, subscription);

  await page.goto(line.joinUrl);
  await page.getByLabel(/name/i).first().fill("Mia");
  await page.getByLabel(/phone/i).fill("+44 20 7946 0301");
  await page.getByTestId("join-submit").click();
  await expect(page.getByTestId("customer-number")).toHaveText("C001");
  const code = new URL(page.url()).pathname.split("/").pop()!;

  // The ticket page registered the service worker from its own origin.
  const scriptUrl = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  expect(scriptUrl).toBe(`${process.env.E2E_KIOSK_URL}/sw.js`);

  const toggle = page.getByTestId("push-toggle");
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await snapshot(page, "customer-push-on-phone");
  // The page subscribed with the server's VAPID key, user-visible only, and the server stored what it sent.
  const calls = await page.evaluate(() => (window as unknown as { __pushSubscribeCalls: unknown[] }).__pushSubscribeCalls);
  expect(calls).toEqual([{ userVisibleOnly: true, applicationServerKey: webPushPublicKey }]);
  expect(await gql<{ ticketByCode: { pushEnabled: boolean } }>(null, `query($c: String!) { ticketByCode(code: $c) { pushEnabled } }`, { c: code })).toEqual({ ticketByCode: { pushEnabled: true } });
  const cdp = await context.newCDPSession(page);
  await cdp.send("ServiceWorker.enable");
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (event) => registrations.push(...event.registrations));
  await expect.poll(() => registrations.filter((r) => !r.isDeleted).length).toBeGreaterThan(0);
  const registrationId = registrations.find((r) => !r.isDeleted)!.registrationId;

  // The customer walks away.
  await page.close();

  await gql(owner.auth, `mutation($l: ID!, $c: ID) { callNext(lineId: $l, counterId: $c) { number } }`, { l: line.id, c: counterId });
  const [called] = await receiver.waitForMessages(1, { subscriptionId, timeoutMs: 30_000 });
  const message = JSON.parse(called!.text) as { title: string; body: string; url: string; tag: string; trigger: string };
  expect(message.trigger).toBe("CALLED");
  expect(message.body).toContain("Counter 2");
  expect(message.body).toContain("C001");
  expect(message.url).toContain(`/ticket/${code}`);
  expect(called!.urgency).toBe("high");
  expect(called!.vapid.publicKey).toBe(webPushPublicKey);
  expect(called!.vapid.aud).toBe(receiver.origin);

  // Exactly one: a later message about the same ticket (staff mark the no-show) is delivered only after the
  // CALLED one is settled (per-ticket order), so by the time it arrives a second "called" would have arrived too.
  const ticketId = (await gql<{ line: { tickets: { nodes: { id: string; number: string }[] } } }>(owner.auth, `query($id: ID!) { line(id: $id) { tickets(first: 10) { nodes { id number } } } }`, { id: line.id })).line.tickets.nodes.find((t) => t.number === "C001")!.id;
  await gql(owner.auth, `mutation($id: ID!) { markNoShow(id: $id) { id } }`, { id: ticketId });
  const both = await receiver.waitForMessages(2, { subscriptionId, timeoutMs: 30_000 });
  expect(both.map((m) => (JSON.parse(m.text) as { trigger: string }).trigger)).toEqual(["CALLED", "NO_SHOW"]);
  expect(receiver.refused).toEqual([]);
  expect((await publicTicket(code))?.status).toBe("NO_SHOW");

  // The service worker shows the decrypted "called" message as a notification (the page is closed; a new one
  // only asks the registration what it shows).
  const viewer = await context.newPage();
  await viewer.goto("/");
  const viewerCdp = await context.newCDPSession(viewer);
  await viewerCdp.send("ServiceWorker.enable");
  await viewerCdp.send("ServiceWorker.deliverPushMessage", { origin: process.env.E2E_KIOSK_URL!, registrationId, data: called!.text });
  await expect
    .poll(() => viewer.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url: string }).url }))))
    .toEqual([{ title: message.title, body: message.body, url: message.url }]);
  await context.close();
});
