/*
 * qline's service worker for the public pages (served from this origin at /sw.js, registered by the customer's
 * ticket page). It only shows Web Push messages and brings the ticket page back on a tap; it caches nothing.
 *
 * A push message's data is the JSON the API's PUSH sender encrypts (apps/api/src/modules/notifications/channels/
 * web-push.ts, PushMessage): { title, body, url, tag, trigger }. The browser has already decrypted it (RFC 8291).
 */
/* eslint-env serviceworker */

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

/** The message as sent, or a plain fallback when the data is missing or not our JSON. */
function readMessage(event) {
  const fallback = { title: "qline", body: "", url: "/", tag: "qline", trigger: "" };
  if (!event.data) return fallback;
  try {
    const message = event.data.json();
    return {
      title: typeof message.title === "string" ? message.title : fallback.title,
      body: typeof message.body === "string" ? message.body : "",
      url: typeof message.url === "string" ? message.url : fallback.url,
      tag: typeof message.tag === "string" ? message.tag : fallback.tag,
      trigger: typeof message.trigger === "string" ? message.trigger : "",
    };
  } catch {
    return { ...fallback, body: event.data.text() };
  }
}

self.addEventListener("push", (event) => {
  const message = readMessage(event);
  const called = message.trigger === "CALLED";
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag, // one ticket, one notification: a newer message replaces the older one
      renotify: true,
      requireInteraction: called,
      vibrate: called ? [300, 150, 300, 150, 600] : undefined,
      data: { url: message.url, trigger: message.trigger },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      // The ticket page already open (same address without the query): focus it; otherwise open it.
      const open = windows.find((client) => {
        const url = new URL(client.url);
        return url.origin === target.origin && url.pathname === target.pathname;
      });
      if (open) return open.focus();
      return self.clients.openWindow(target.href);
    })(),
  );
});
