/**
 * The audit module's strings (keys `audit.…`), English and German. `_one` / `_other` keys are plural forms chosen
 * by i18next from `count`; German gets every key English has (TypeScript lists what is missing).
 */
import type { Shape } from "../../i18n/shape";

export const en = {};

export const de: Shape<typeof en> = {};
