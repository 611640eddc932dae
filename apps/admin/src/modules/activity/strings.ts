/**
 * The activity module's strings (keys `activity.…`), English and German. `_one` / `_other` keys are plural forms chosen
 * by i18next from `count`; German gets every key English has (TypeScript lists what is missing).
 */
import type { Shape } from "../../i18n/shape";

export const en = {
  getStarted: "Get started",
  stepLines: "<lines>Create a line</lines> and the ticket types customers choose from.",
  stepFields: "<fields>Add ticket fields</fields> if the kiosk should ask anything extra.",
  stepBranding: "<branding>Brand the kiosk</branding> with your logo and colours.",
  stepKeys: "<keys>Create an API key</keys> for each kiosk, then <members>invite your staff</members>.",
  waiting: "waiting",
  liveActivity: "Live activity",
  empty: "Waiting for activity… tickets issued, called and served anywhere below this tenant appear here.",
  feedLabel: "Live activity, newest first",
  subtenantLine: "a subtenant's line",
  waitingCount_one: "{{count}} waiting",
  waitingCount_other: "{{count}} waiting",
  verb: {
    ISSUED: "joined",
    CALLED: "called",
    SERVING: "being served",
    SERVED: "served",
    CANCELLED: "cancelled",
    NO_SHOW: "no-show",
    EXPIRED: "expired",
    REQUEUED: "requeued",
    TRANSFERRED: "transferred",
    MOVED: "moved",
    UPDATED: "updated",
    LINE_UPDATED: "line settings changed",
    COUNTER_UPDATED: "counter changed",
  },
};

export const de: Shape<typeof en> = {
  getStarted: "Erste Schritte",
  stepLines: "<lines>Legen Sie eine Schlange an</lines> und die Ticketarten, aus denen Kunden wählen.",
  stepFields: "<fields>Fügen Sie Ticketfelder hinzu</fields>, wenn der Kiosk zusätzlich etwas abfragen soll.",
  stepBranding: "<branding>Gestalten Sie den Kiosk</branding> mit Ihrem Logo und Ihren Farben.",
  stepKeys: "<keys>Erstellen Sie einen API-Schlüssel</keys> für jeden Kiosk und <members>laden Sie dann Ihr Personal ein</members>.",
  waiting: "warten",
  liveActivity: "Live-Aktivität",
  empty: "Warten auf Aktivität… Tickets, die irgendwo unterhalb dieses Mandanten ausgegeben, aufgerufen und bedient werden, erscheinen hier.",
  feedLabel: "Live-Aktivität, neueste zuerst",
  subtenantLine: "eine Schlange eines untergeordneten Mandanten",
  waitingCount_one: "{{count}} wartet",
  waitingCount_other: "{{count}} warten",
  verb: {
    ISSUED: "eingereiht",
    CALLED: "aufgerufen",
    SERVING: "in Bedienung",
    SERVED: "bedient",
    CANCELLED: "storniert",
    NO_SHOW: "nicht erschienen",
    EXPIRED: "abgelaufen",
    REQUEUED: "wieder eingereiht",
    TRANSFERRED: "verschoben",
    MOVED: "in der Schlange verschoben",
    UPDATED: "geändert",
    LINE_UPDATED: "Einstellungen der Schlange geändert",
    COUNTER_UPDATED: "Schalter geändert",
  },
};
