/**
 * "Notify me when it's my turn" by Web Push on the customer's ticket page: the service worker registers when the
 * page opens; the toggle asks permission, subscribes with the server's VAPID key and sends the subscription; the
 * states unsupported, denied, off and on. Browser APIs (service worker, PushManager, Notification) are stubbed:
 * jsdom has none. The API side and a real browser are tested in apps/api and e2e/specs/web-push.spec.ts.
 */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Subject } from "rxjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApolloLink } from "@apollo/client";
import { renderWith, scriptedClient } from "../../../test/apollo";
import { publicTicket } from "../../../test/fixtures";
import { CustomerTicketPage } from "../components/CustomerTicketPage";
import { applicationServerKey } from "../hooks/use-web-push";

// A P-256 public key as the API publishes it (base64url, 65 bytes).
const vapidKey = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
const subscriptionJson = { endpoint: "https://fcm.googleapis.com/fcm/send/abc", expirationTime: null, keys: { p256dh: "BCVx", auth: "BTBZ" } };

interface Browser {
  register: ReturnType<typeof vi.fn>;
  subscribe: ReturnType<typeof vi.fn>;
  requestPermission: ReturnType<typeof vi.fn>;
}

/** Installs a service worker container, PushManager and Notification like a browser that supports Web Push. */
function supportWebPush(permission: NotificationPermission = "default", answer: NotificationPermission = "granted"): Browser {
  const subscription = { options: { applicationServerKey: null }, toJSON: () => subscriptionJson, unsubscribe: vi.fn(async () => true) };
  const subscribe = vi.fn(async () => subscription);
  const registration = { pushManager: { getSubscription: vi.fn(async () => null), subscribe } };
  const register = vi.fn(async () => registration);
  Object.defineProperty(navigator, "serviceWorker", { configurable: true, value: { register, ready: Promise.resolve(registration) } });
  Object.defineProperty(globalThis, "PushManager", { configurable: true, value: function PushManager() {} });
  const requestPermission = vi.fn(async () => answer);
  Object.defineProperty(globalThis, "Notification", { configurable: true, value: Object.assign(function Notification() {}, { permission, requestPermission }) });
  return { register, subscribe, requestPermission };
}

function unsupported() {
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
  delete (globalThis as { PushManager?: unknown }).PushManager;
}

describe("Web Push toggle on the ticket page", () => {
  let updates: Subject<ApolloLink.Result>;
  beforeEach(() => {
    updates = new Subject();
  });
  afterEach(() => {
    unsupported();
    delete (globalThis as { Notification?: unknown }).Notification;
  });

  function page(ticket = publicTicket(), answers: Record<string, ApolloLink.Result> = {}) {
    const api = scriptedClient((op) => {
      if (op.operationName === "TicketByCode") return { data: { ticketByCode: ticket } };
      if (op.operationName === "TicketUpdated") return updates;
      const answer = op.operationName ? answers[op.operationName] : undefined;
      if (answer) return answer;
      throw new Error(`unexpected ${op.operationName}`);
    });
    renderWith(api.client, <CustomerTicketPage code="trk-abc" slug={null} />);
    return { ...api, ops: (name: string) => api.seen.filter((o) => o.operationName === name) };
  }

  it("registers the service worker when the page opens, and turns on: permission, subscribe with the VAPID key, subscribeTicketPush", async () => {
    const browser = supportWebPush();
    const api = page(publicTicket(), {
      WebPushPublicKey: { data: { webPushPublicKey: vapidKey } },
      SubscribeTicketPush: { data: { subscribeTicketPush: publicTicket({ pushEnabled: true }) } },
    });
    const toggle = await screen.findByTestId("push-toggle");
    expect(browser.register).toHaveBeenCalledWith("/sw.js");
    expect(toggle).toHaveAttribute("aria-checked", "false");
    expect(toggle).toHaveTextContent("Notify me when it's my turn: off");

    await userEvent.click(toggle);
    await waitFor(() => expect(screen.getByTestId("push-toggle")).toHaveAttribute("aria-checked", "true"));
    expect(browser.requestPermission).toHaveBeenCalledTimes(1);
    expect(browser.subscribe).toHaveBeenCalledTimes(1);
    const options = browser.subscribe.mock.calls[0]![0] as PushSubscriptionOptionsInit;
    expect(options.userVisibleOnly).toBe(true);
    expect(Array.from(options.applicationServerKey as Uint8Array)).toEqual(Array.from(applicationServerKey(vapidKey)));
    expect(api.ops("SubscribeTicketPush")).toEqual([{ operationName: "SubscribeTicketPush", variables: { code: "trk-abc", subscription: subscriptionJson } }]);
    expect(screen.getByTestId("push")).toHaveAttribute("data-state", "on");
    expect(screen.getByText(/even with this page closed/)).toBeInTheDocument();
  });

  it("turns off on the server without touching the browser's subscription", async () => {
    const browser = supportWebPush("granted");
    const api = page(publicTicket({ pushEnabled: true }), { UnsubscribeTicketPush: { data: { unsubscribeTicketPush: publicTicket({ pushEnabled: false }) } } });
    const toggle = await screen.findByTestId("push-toggle");
    expect(toggle).toHaveAttribute("aria-checked", "true");
    await userEvent.click(toggle);
    await waitFor(() => expect(screen.getByTestId("push-toggle")).toHaveAttribute("aria-checked", "false"));
    expect(api.ops("UnsubscribeTicketPush")).toEqual([{ operationName: "UnsubscribeTicketPush", variables: { code: "trk-abc" } }]);
    expect(browser.subscribe).not.toHaveBeenCalled();
  });

  it("says notifications are blocked when the customer refuses (and sends nothing)", async () => {
    const browser = supportWebPush("default", "denied");
    const api = page();
    await userEvent.click(await screen.findByTestId("push-toggle"));
    expect(await screen.findByTestId("push-denied")).toHaveTextContent("Notifications are blocked for this site");
    expect(screen.queryByTestId("push-toggle")).not.toBeInTheDocument();
    expect(browser.subscribe).not.toHaveBeenCalled();
    expect(api.ops("SubscribeTicketPush")).toEqual([]);
  });

  it("starts blocked when the site's notifications already are", async () => {
    supportWebPush("denied");
    page();
    expect(await screen.findByTestId("push-denied")).toBeInTheDocument();
  });

  it("without Web Push in the browser, keeps the in-page notification (only while the page is open)", async () => {
    unsupported();
    Object.defineProperty(globalThis, "Notification", { configurable: true, value: Object.assign(function Notification() {}, { permission: "default", requestPermission: vi.fn() }) });
    page();
    const fallback = await screen.findByTestId("push-unsupported");
    expect(fallback).toHaveTextContent("Notify me when it's my turn");
    expect(screen.queryByTestId("push-toggle")).not.toBeInTheDocument();
  });

  it("when the server has Web Push off (empty key), falls back to the in-page notification", async () => {
    const browser = supportWebPush();
    page(publicTicket(), { WebPushPublicKey: { data: { webPushPublicKey: "" } } });
    await userEvent.click(await screen.findByTestId("push-toggle"));
    expect(await screen.findByTestId("push-unsupported")).toBeInTheDocument();
    expect(browser.subscribe).not.toHaveBeenCalled();
  });

  it("shows the API's refusal and stays off", async () => {
    supportWebPush();
    page(publicTicket(), {
      WebPushPublicKey: { data: { webPushPublicKey: vapidKey } },
      SubscribeTicketPush: { data: null, errors: [{ message: "Invalid push subscription", extensions: { code: "BAD_USER_INPUT" } }] } as unknown as ApolloLink.Result, // a GraphQL error answer
    });
    await userEvent.click(await screen.findByTestId("push-toggle"));
    expect(await screen.findByTestId("push-failed")).toHaveTextContent("Could not turn on notifications: Invalid push subscription");
    expect(screen.getByTestId("push-toggle")).toHaveAttribute("aria-checked", "false");
  });
});
