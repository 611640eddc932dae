/**
 * Issue 13's whole call-back journey on a phone viewport (390×844): a customer joins a line with three people
 * ahead, chooses SMS and email, turns on Web Push, and closes the page. Staff work the line from the API. Every
 * channel speaks its real protocol to a local receiver:
 * - Web Push: @qline/push-receiver (HTTPS, VAPID checked, RFC 8291 decrypted with the subscription's own keys);
 *   PushManager.subscribe alone is substituted (see fixtures/push.ts for why);
 * - SMS: the API's Twilio-speaking HTTP sink (POST …/Messages.json, form-encoded, Basic auth);
 * - email: the API's SMTP sink (a real SMTP server, messages parsed as MIME).
 * What the sinks received is read through devMailbox on every API process (two on PostgreSQL + Redis: either
 * process's worker may deliver).
 *
 * "Almost your turn" (position ≤ 3; the minutes rule is off so the estimate cannot fire it first) arrives once on
 * every channel when the first call moves the customer to third; "called" arrives once, naming the counter. Once
 * is proved without waiting for nothing: a ticket's messages on a channel are delivered in order, so when the
 * later no-show message has arrived, any second copy of an earlier one would have arrived before it.
 */
import { expect, test } from "@playwright/test";
import { startPushReceiver, type PushReceiver } from "@qline/push-receiver";
import { apiProcesses, callNext, createCounter, createRemoteLine, gql, gqlAt, issueTicketAs, signUpTenant, type Owner } from "../fixtures/api";
import { snapshot } from "../fixtures/artifacts";
import { substitutePushSubscribe } from "../fixtures/push";

let receiver: PushReceiver;
test.beforeAll(async () => {
  receiver = await startPushReceiver();
});
test.afterAll(async () => {
  await receiver?.close();
});

interface DevMessage {
  id: string;
  kind: "EMAIL" | "SMS";
  to: string;
  subject: string | null;
  body: string;
}

/** Everything the dev sinks of every API process received for the tenant (each process has its own sinks). */
async function mailbox(owner: Owner): Promise<DevMessage[]> {
  const all = await Promise.all(
    apiProcesses.map((url) => gqlAt<{ devMailbox: DevMessage[] }>(url, owner.auth, `query($t: ID!) { devMailbox(tenantId: $t) { id kind to subject body } }`, { t: owner.tenantId })),
  );
  return [...new Map(all.flatMap((r) => r.devMailbox).map((m) => [`${m.kind}:${m.id}`, m])).values()];
}

/** Which message a text is, from the default English templates. */
function triggerOf(text: string): string {
  if (text.startsWith("You are ")) return "JOINED";
  if (text.startsWith("Almost your turn")) return "ALMOST_THERE";
  if (text.startsWith("It is your turn")) return "CALLED";
  if (text.startsWith("We called ")) return "NO_SHOW";
  return `other: ${text.slice(0, 40)}`;
}

test("join with SMS, email and push → walk away → almost your turn once → called once on every channel, naming the counter", async ({ browser }) => {
  const owner = await signUpTenant("Northside Clinic");
  const line = await createRemoteLine(owner, "Clinic", "N");
  const counterId = await createCounter(owner, line.id, "Counter 2");
  await gql(owner.auth, `mutation($l: ID!, $i: NotificationSettingsInput!) { updateNotificationSettings(lineId: $l, input: $i) { lineId } }`, {
    l: line.id,
    i: { almostTherePosition: 3, almostThereMinutes: 0 },
  });
  for (let i = 0; i < 3; i++) await issueTicketAs(owner.auth, line.id);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, permissions: ["notifications"] });
  const page = await context.newPage();
  const { id: subscriptionId, subscription } = receiver.subscribe();
  await substitutePushSubscribe(page, subscription);
  await page.goto(line.joinUrl);
  await page.getByRole("textbox", { name: /^Your name/ }).fill("Noor");
  await page.getByRole("textbox", { name: /^Phone/ }).fill("+44 20 7946 0418");
  await page.getByRole("textbox", { name: /^Email/ }).fill("noor@example.com");
  await page.getByTestId("notify-sms").check();
  await page.getByTestId("notify-email").check();
  await snapshot(page, "join-notify-choice-phone");
  await page.getByTestId("join-submit").click();
  await expect(page.getByTestId("customer-number")).toHaveText("N004");
  await expect(page.getByTestId("ticket-ahead")).toContainText("3");
  await page.getByTestId("push-toggle").click();
  await expect(page.getByTestId("push-toggle")).toHaveAttribute("aria-checked", "true");
  await context.close(); // the customer walks away

  const sms = (m: DevMessage) => m.kind === "SMS" && m.to === "+442079460418";
  const email = (m: DevMessage) => m.kind === "EMAIL" && m.to.includes("noor@example.com");
  // Joined: the tracking link by SMS and email (push was turned on after joining).
  await expect.poll(async () => (await mailbox(owner)).filter((m) => sms(m) || email(m)).map((m) => `${m.kind} ${triggerOf(m.body)}`).sort(), { timeout: 30_000 }).toEqual([
    "EMAIL JOINED",
    "SMS JOINED",
  ]);

  // The first call makes Noor third: almost your turn, on all three channels.
  await callNext(owner.auth, line.id, counterId);
  const [almost] = await receiver.waitForMessages(1, { subscriptionId, timeoutMs: 30_000 });
  expect((JSON.parse(almost!.text) as { trigger: string; body: string }).trigger).toBe("ALMOST_THERE");
  // Second and first in line: no more "almost" messages. Then Noor is called at Counter 2.
  await callNext(owner.auth, line.id, counterId);
  await callNext(owner.auth, line.id, counterId);
  expect(await callNext(owner.auth, line.id, counterId)).toMatchObject({ number: "N004" });

  const pushes = await receiver.waitForMessages(2, { subscriptionId, timeoutMs: 30_000 });
  const called = JSON.parse(pushes[1]!.text) as { trigger: string; body: string };
  expect(called.trigger).toBe("CALLED");
  expect(called.body).toContain("Counter 2");
  expect(called.body).toContain("N004");

  // Staff mark the no-show: the last message on every channel; everything before it has settled by then.
  const { line: board } = await gql<{ line: { tickets: { nodes: { id: string; number: string }[] } } }>(owner.auth, `query($id: ID!) { line(id: $id) { tickets(first: 10) { nodes { id number } } } }`, { id: line.id });
  const ticketId = board.tickets.nodes.find((t) => t.number === "N004")!.id;
  await gql(owner.auth, `mutation($id: ID!) { markNoShow(id: $id) { id } }`, { id: ticketId });

  const allPushes = await receiver.waitForMessages(3, { subscriptionId, timeoutMs: 30_000 });
  expect(allPushes.map((m) => (JSON.parse(m.text) as { trigger: string }).trigger)).toEqual(["ALMOST_THERE", "CALLED", "NO_SHOW"]);
  expect(receiver.refused).toEqual([]);

  const order = ["JOINED", "ALMOST_THERE", "CALLED", "NO_SHOW"];
  for (const [channel, mine] of [
    ["SMS", sms],
    ["EMAIL", email],
  ] as const) {
    await expect.poll(async () => (await mailbox(owner)).filter(mine).map((m) => triggerOf(m.body)).sort(), { timeout: 30_000, message: `${channel} messages` }).toEqual([...order].sort());
    const calledText = (await mailbox(owner)).filter(mine).find((m) => triggerOf(m.body) === "CALLED")!;
    expect(calledText.body).toContain("Counter 2");
    expect(calledText.body).toContain("N004");
    if (channel === "EMAIL") expect(calledText.subject).toContain("it is your turn");
  }

  // The delivery log agrees: one SENT row per message and channel.
  const { ticket } = await gql<{ ticket: { notifications: { trigger: string; channel: string; status: string }[] } }>(owner.auth, `query($id: ID!) { ticket(id: $id) { notifications { trigger channel status } } }`, { id: ticketId });
  expect(ticket.notifications.map((n) => `${n.channel} ${n.trigger} ${n.status}`).sort()).toEqual(
    [
      "EMAIL JOINED SENT",
      "SMS JOINED SENT",
      ...["EMAIL", "SMS", "PUSH"].flatMap((c) => ["ALMOST_THERE", "CALLED", "NO_SHOW"].map((t) => `${c} ${t} SENT`)),
    ].sort(),
  );
});
