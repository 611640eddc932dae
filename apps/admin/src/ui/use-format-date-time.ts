import { useTranslation } from "react-i18next";

/** "Dec 11, 2026, 10:00 AM" / "11.12.2026, 10:00": a moment in the console's language (the viewer's time zone). */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}
