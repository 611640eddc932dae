/** The line notification settings form: values as text for the number fields, checks, and the update input. */
import type { LineNotificationSettingsFieldsFragment, NotificationSettingsInput } from "../../gql/graphql";
import type { TFunction } from "i18next";
import type { LineTriggerKey } from "./notification-model";

export type LineSettingsValues = Record<LineTriggerKey, boolean> & { almostTherePosition: string; almostThereMinutes: string };

export function lineSettingsValuesFrom(s: LineNotificationSettingsFieldsFragment): LineSettingsValues {
  return {
    joined: s.joined,
    almostThere: s.almostThere,
    called: s.called,
    noShow: s.noShow,
    expired: s.expired,
    cancelled: s.cancelled,
    almostTherePosition: String(s.almostTherePosition),
    almostThereMinutes: String(s.almostThereMinutes),
  };
}

/** Errors keyed like the API's paths without `input.` (almostTherePosition, almostThereMinutes). */
export function validateLineSettings(v: LineSettingsValues, t: TFunction): Record<string, string> {
  const e: Record<string, string> = {};
  const whole = (raw: string, min: number, max: number) => /^\d+$/.test(raw.trim()) && Number(raw) >= min && Number(raw) <= max;
  if (!whole(v.almostTherePosition, 1, 100)) e.almostTherePosition = t("notifications.line.positionError");
  if (!whole(v.almostThereMinutes, 0, 240)) e.almostThereMinutes = t("notifications.line.minutesError");
  return e;
}

export function toSettingsInput(v: LineSettingsValues): NotificationSettingsInput {
  return {
    joined: v.joined,
    almostThere: v.almostThere,
    called: v.called,
    noShow: v.noShow,
    expired: v.expired,
    cancelled: v.cancelled,
    almostTherePosition: Number(v.almostTherePosition.trim()),
    almostThereMinutes: Number(v.almostThereMinutes.trim()),
  };
}
