/**
 * The board module's strings (keys `board.…`), English and German. `_one` / `_other` keys are plural forms chosen
 * by i18next from `count`; German gets every key English has (TypeScript lists what is missing).
 */
import type { Shape } from "../../i18n/shape";

export const en = {
  waitingCount_one: "{{count}} waiting",
  waitingCount_other: "{{count}} waiting",
};

export const de: Shape<typeof en> = {
  waitingCount_one: "{{count}} wartet",
  waitingCount_other: "{{count}} warten",
};
