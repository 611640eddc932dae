import { useState, type FormEvent } from "react";
import { slugProblem } from "../../../lib/forms";
import type { UpdateTenantInput } from "../../../gql/graphql";
import { placeConflict, type Problem } from "../../../lib/errors";
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

/** Mirrors the API's checks (name 1-100, slug pattern, both coordinates or neither, ranges). */
export function validateGeneral(values: GeneralValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = "Enter a name";
  else if (values.name.trim().length > 100) errors.name = "At most 100 characters";
  const slug = slugProblem(values.slug);
  if (slug) errors.slug = slug;
  const lat = values.latitude.trim();
  const lng = values.longitude.trim();
  if (Boolean(lat) !== Boolean(lng)) errors["location.latitude"] = "Give both latitude and longitude, or neither";
  if (lat && (!Number.isFinite(Number(lat)) || Math.abs(Number(lat)) > 90)) errors["location.latitude"] = "Between -90 and 90";
  if (lng && (!Number.isFinite(Number(lng)) || Math.abs(Number(lng)) > 180)) errors["location.longitude"] = "Between -180 and 180";
  return errors;
}

export function GeneralSettingsForm({ initial, canEdit, saving, onSave }: Props) {
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const slugCheck = useSlugCheck(values.slug, initial.slug);
  const set = (key: keyof GeneralValues) => (value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const error = (key: string) => clientErrors[key] ?? problem?.fields[key];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = validateGeneral(values);
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const input: UpdateTenantInput = {
      name: values.name.trim(),
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
  };

  const unmatched = problem && !Object.keys(problem.fields).some((k) => ["name", "slug", "location.address", "location.latitude", "location.longitude"].includes(k));

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="General settings">
      {unmatched && <Alert>{problem.message}</Alert>}
      {saved && <Alert tone="success">Saved.</Alert>}
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Identity</legend>
        <div className="grid-2">
          <TextField label="Name" value={values.name} onChange={set("name")} error={error("name")} required />
          <TextField
            label="Slug"
            value={values.slug}
            onChange={(v) => set("slug")(v.toLowerCase())}
            error={error("slug") ?? (slugCheck.state === "unavailable" ? slugCheck.reason : undefined)}
            hint={slugHint(slugCheck) ?? "Changing it changes kiosk and customer links."}
            required
          />
        </div>
      </fieldset>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Location</legend>
        <TextField label="Address" value={values.address} onChange={set("address")} error={error("location.address")} autoComplete="street-address" />
        <div className="grid-2">
          <TextField label="Latitude" inputMode="decimal" value={values.latitude} onChange={set("latitude")} error={error("location.latitude")} />
          <TextField label="Longitude" inputMode="decimal" value={values.longitude} onChange={set("longitude")} error={error("location.longitude")} />
        </div>
      </fieldset>
      {canEdit && (
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={saving}>
            Save changes
          </Button>
        </div>
      )}
    </form>
  );
}
