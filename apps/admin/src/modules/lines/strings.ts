/**
 * The lines module's strings (keys `lines.…`), English and German. `_one` / `_other` keys are plural forms chosen
 * by i18next from `count`; German gets every key English has (TypeScript lists what is missing).
 */
import type { Shape } from "../../i18n/shape";

export const en = {
  title: "Lines & counters",
  description: "Each line is a queue with its own numbering, ticket types, hours and counters.",
};

export const de: Shape<typeof en> = {
  title: "Schlangen & Schalter",
  description: "Jede Schlange hat ihre eigene Nummerierung, Tickettypen, Öffnungszeiten und Schalter.",
};
