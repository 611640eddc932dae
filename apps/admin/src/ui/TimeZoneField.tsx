import { useTranslation } from "react-i18next";
import { useId, useMemo } from "react";
import { FieldShell } from "./Field";

/** Every IANA time zone the browser knows (Intl), plus UTC, which some engines leave out of the list. */
export function ianaTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] };
  const zones = intl.supportedValuesOf?.("timeZone") ?? [];
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export function isKnownTimeZone(value: string, zones: readonly string[] = ianaTimeZones()): boolean {
  return zones.includes(value.trim());
}

interface TimeZoneFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
}

/**
 * A searchable time-zone picker: typing "berl" offers Europe/Berlin (the browser's list of IANA zones), and only
 * a zone from the list is accepted (the form checks isKnownTimeZone before saving).
 */
export function TimeZoneField({ label, value, onChange, error, hint }: TimeZoneFieldProps) {
  const { t } = useTranslation();
  const listId = useId();
  const zones = useMemo(() => ianaTimeZones(), []);
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <>
          <input
            id={id}
            className="input"
            list={listId}
            value={value}
            autoComplete="off"
            spellCheck={false}
            placeholder={t("common.timeZonePlaceholder")}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
          <datalist id={listId}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </>
      )}
    </FieldShell>
  );
}
