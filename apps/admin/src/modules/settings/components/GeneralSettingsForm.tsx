import { zodResolver } from "@hookform/resolvers/zod";
import { slugSchema, z } from "@qline/validation";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { UpdateTenantInput } from "../../../gql/graphql";
import { placeConflict, type Problem } from "../../../lib/errors";
import { required } from "../../../lib/forms";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { slugHint, useSlugCheck } from "../../auth/hooks/use-slug-check";

export interface GeneralValues {
  name: string;
  slug: string;
  address: string;
  latitude: string;
  longitude: string;
}

interface Props {
  initial: GeneralValues;
  canEdit: boolean;
  saving: boolean;
  onSave: (input: UpdateTenantInput) => Promise<Problem | null>;
}

const inRange = (value: string, limit: number) => !value.trim() || (Number.isFinite(Number(value.trim())) && Math.abs(Number(value.trim())) <= limit);

/**
 * Mirrors the API's checks: name 1-100, the shared slug schema (@qline/validation), both coordinates or neither,
 * ranges. The point's checks run even when another field is wrong (`when`), so every mistake shows at once; the
 * first issue per field wins, so an out-of-range latitude says so rather than asking for both.
 */
export const generalSchema = (t: TFunction) =>
  z
    .object({
      name: required(z.string().max(100, t("settings.general.atMost100")), t("settings.general.enterName")),
      slug: slugSchema,
      address: z.string(),
      latitude: z.string(),
      longitude: z.string(),
    })
    .refine((v) => inRange(v.latitude, 90), { message: t("settings.general.latitudeRange"), path: ["latitude"], when: () => true })
    .refine((v) => inRange(v.longitude, 180), { message: t("settings.general.longitudeRange"), path: ["longitude"], when: () => true })
    .refine((v) => Boolean(v.latitude.trim()) === Boolean(v.longitude.trim()), { message: t("settings.general.bothOrNeither"), path: ["latitude"], when: () => true });
type GeneralInput = z.output<ReturnType<typeof generalSchema>>;

/** The API's paths for the form's fields. */
const apiPath: Record<keyof GeneralValues, string> = { name: "name", slug: "slug", address: "location.address", latitude: "location.latitude", longitude: "location.longitude" };

export function GeneralSettingsForm({ initial, canEdit, saving, onSave }: Props) {
  const { t } = useTranslation();
  const schema = useMemo(() => generalSchema(t), [t]); // `t` changes with the language
  const { control, handleSubmit, watch } = useForm<GeneralValues, unknown, GeneralInput>({ resolver: zodResolver(schema), defaultValues: initial });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const slugCheck = useSlugCheck(watch("slug"), initial.slug);

  const submit = handleSubmit(async (values) => {
    const input: UpdateTenantInput = {
      name: values.name,
      location: {
        address: values.address.trim() || null,
        latitude: values.latitude.trim() ? Number(values.latitude) : null,
        longitude: values.longitude.trim() ? Number(values.longitude) : null,
      },
    };
    if (values.slug !== initial.slug) input.slug = values.slug;
    const result = placeConflict(await onSave(input), { slug: /slug/i });
    setProblem(result);
    setSaved(!result);
  });

  const unmatched = problem && !Object.keys(problem.fields).some((k) => Object.values(apiPath).includes(k));

  const field = (name: keyof GeneralValues, label: string, extra: { inputMode?: "decimal"; autoComplete?: string; required?: boolean; hint?: string; lowercase?: boolean; apiError?: string | undefined } = {}) => {
    const { lowercase, apiError, ...input } = extra;
    return (
      <Controller
        control={control}
        name={name}
        render={({ field: f, fieldState }) => (
          <TextField
            label={label}
            {...input}
            value={f.value}
            onChange={(v) => {
              setSaved(false);
              f.onChange(lowercase ? v.toLowerCase() : v);
            }}
            onBlur={f.onBlur}
            error={fieldState.error?.message ?? problem?.fields[apiPath[name]] ?? apiError}
          />
        )}
      />
    );
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t("settings.general.form")}>
      {unmatched && <Alert>{problem.message}</Alert>}
      {saved && <Alert tone="success">{t("settings.saved")}</Alert>}
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>{t("settings.general.identity")}</legend>
        <div className="grid-2">
          {field("name", t("settings.general.name"), { required: true })}
          {field("slug", t("settings.general.slug"), {
            required: true,
            lowercase: true,
            hint: slugHint(slugCheck, t) ?? t("settings.general.slugHint"),
            apiError: slugCheck.state === "unavailable" ? slugCheck.reason : undefined,
          })}
        </div>
      </fieldset>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>{t("settings.general.location")}</legend>
        {field("address", t("settings.general.address"), { autoComplete: "street-address" })}
        <div className="grid-2">
          {field("latitude", t("settings.general.latitude"), { inputMode: "decimal" })}
          {field("longitude", t("settings.general.longitude"), { inputMode: "decimal" })}
        </div>
      </fieldset>
      {canEdit && (
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={saving}>
            {t("settings.general.save")}
          </Button>
        </div>
      )}
    </form>
  );
}
