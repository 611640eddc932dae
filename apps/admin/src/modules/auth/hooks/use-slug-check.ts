import { useQuery } from "@apollo/client/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../../../lib/use-debounced";
import { SlugAvailableQuery } from "../graphql/slug-available.query";

export type SlugCheck = { state: "idle" } | { state: "checking" } | { state: "available" } | { state: "unavailable"; reason: string };

/** Asks the API whether a slug is well-formed and free, after the user pauses typing. `current` is always fine. */
export function useSlugCheck(slug: string, current?: string): SlugCheck {
  const { t } = useTranslation();
  const debounced = useDebounced(slug.trim(), 350);
  const skip = debounced === "" || debounced === current;
  const { data, loading } = useQuery(SlugAvailableQuery, { variables: { slug: debounced }, skip, fetchPolicy: "network-only" });
  if (skip || slug.trim() === current) return { state: "idle" };
  if (loading || debounced !== slug.trim()) return { state: "checking" };
  if (!data) return { state: "idle" };
  return data.slugAvailable.available ? { state: "available" } : { state: "unavailable", reason: data.slugAvailable.reason ?? t("auth.slug.notAvailable") };
}

export function slugHint(check: SlugCheck, t: TFunction): string | undefined {
  switch (check.state) {
    case "checking":
      return t("auth.slug.checking");
    case "available":
      return t("auth.slug.available");
    default:
      return undefined;
  }
}
