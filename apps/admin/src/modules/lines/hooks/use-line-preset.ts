import { useQuery } from "@apollo/client/react";
import { LinePresetQuery } from "../graphql/line-preset.query";
import { presetFromEffective, type LinePresetValues } from "../line-form";

/** The preset the new-line form starts from; empty (qline's defaults) until it loads or when it cannot be read. */
export function useLinePreset(tenantId: string): LinePresetValues {
  const { data } = useQuery(LinePresetQuery, { variables: { id: tenantId } });
  return presetFromEffective(data?.tenant?.templates.linePreset ?? []);
}
