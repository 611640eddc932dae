import { useApolloClient, useMutation } from "@apollo/client/react";
import { useCallback, useEffect, useState } from "react";
import { toProblem } from "../../../lib/errors";
import { SubscribeTicketPushMutation } from "../graphql/subscribe-ticket-push.mutation";
import { UnsubscribeTicketPushMutation } from "../graphql/unsubscribe-ticket-push.mutation";
import { WebPushPublicKeyQuery } from "../graphql/web-push-public-key.query";

/** The service worker, served from this origin's root by the public pages (apps/kiosk/public/sw.js). */
export const serviceWorkerUrl = "/sw.js";

/**
 * - `unsupported`: no service worker / Push API / notifications here (e.g. iOS Safari outside a home-screen
 *   app, an http page), or Web Push is off on the server;
 * - `denied`: the customer (or the browser) blocked notifications for this site;
 * - `off` / `on`: whether this ticket has a push subscription on the server (`pushEnabled`).
 */
export type WebPushState = "unsupported" | "denied" | "off" | "on";

const N = () => (globalThis as { Notification?: typeof Notification }).Notification;

export function webPushSupported(): boolean {
  return typeof navigator !== "undefined" && "serviceWorker" in navigator && "PushManager" in globalThis && N() !== undefined && globalThis.isSecureContext !== false;
}

/** The VAPID key as PushManager wants it (base64url → bytes). */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

/** This browser's subscription for the server's key: the existing one when it was made with that key, else a new one. */
async function browserSubscription(registration: ServiceWorkerRegistration, key: Uint8Array<ArrayBuffer>): Promise<PushSubscription> {
  const existing = await registration.pushManager.getSubscription();
  if (existing && sameKey(existing.options.applicationServerKey, key)) return existing;
  if (existing) await existing.unsubscribe(); // made for another server key: the browser allows one per origin
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

/**
 * "Notify me when it's my turn" by Web Push, for the ticket with this tracking code. The service worker is
 * registered when the page opens; turning on asks for permission, subscribes with the server's VAPID key and
 * hands the subscription to the API (subscribeTicketPush). The server's `pushEnabled` says whether it is on.
 */
export function useWebPush(code: string, pushEnabled: boolean) {
  const supported = webPushSupported();
  const client = useApolloClient();
  const [subscribe] = useMutation(SubscribeTicketPushMutation);
  const [unsubscribe] = useMutation(UnsubscribeTicketPushMutation);
  const [permission, setPermission] = useState<NotificationPermission>(() => N()?.permission ?? "default");
  const [serverOff, setServerOff] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!supported) return;
    navigator.serviceWorker.register(serviceWorkerUrl).catch(() => setServerOff(true)); // no worker, no push: the page still alerts while open
  }, [supported]);

  const state: WebPushState = !supported || serverOff ? "unsupported" : pushEnabled ? "on" : permission === "denied" ? "denied" : "off";

  const turnOn = useCallback(async () => {
    const Notifications = N();
    if (!Notifications) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await Notifications.requestPermission();
      setPermission(answer);
      if (answer !== "granted") return;
      const { data } = await client.query({ query: WebPushPublicKeyQuery });
      const key = data?.webPushPublicKey;
      if (!key) {
        setServerOff(true);
        return;
      }
      const registration = await navigator.serviceWorker.register(serviceWorkerUrl);
      await navigator.serviceWorker.ready;
      const subscription = await browserSubscription(registration, applicationServerKey(key));
      await subscribe({ variables: { code, subscription: subscription.toJSON() } });
    } catch (error) {
      setFailure(toProblem(error).message);
    } finally {
      setBusy(false);
    }
  }, [client, code, subscribe]);

  const turnOff = useCallback(async () => {
    setBusy(true);
    setFailure(null);
    try {
      // The browser's subscription stays (another ticket of this browser may use it); the server forgets it for this ticket.
      await unsubscribe({ variables: { code } });
    } catch (error) {
      setFailure(toProblem(error).message);
    } finally {
      setBusy(false);
    }
  }, [code, unsubscribe]);

  return { state, busy, failure, turnOn, turnOff };
}
