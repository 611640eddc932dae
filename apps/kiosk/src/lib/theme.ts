/**
 * The tenant's branding as CSS variables on <html>: `--brand-primary`, `--brand-accent`, `--brand-font`; every
 * stylesheet rule uses them with a neutral fallback. Values come from tenant admins, so only plain colours, a
 * plain font list and http(s) logo URLs are accepted.
 */
export interface ThemeValues {
  logoUrl?: string | null;
  primaryColor?: string | null;
  accentColor?: string | null;
  fontFamily?: string | null;
}

const colour = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([\d\s.,%/+-]+\)|[a-z]{3,20})$/i;
const font = /^[\w\s"',.-]{1,200}$/;

export function safeColour(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v && colour.test(v) ? v : null;
}

export function safeFont(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v && font.test(v) ? v : null;
}

export function safeLogoUrl(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  try {
    const url = new URL(v);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

const variables = { "--brand-primary": "primaryColor", "--brand-accent": "accentColor" } as const;

/** Applies the theme; returns a function restoring the defaults (when leaving the tenant's pages). */
export function applyTheme(theme: ThemeValues, root: HTMLElement = document.documentElement): () => void {
  for (const [variable, key] of Object.entries(variables)) {
    const value = safeColour(theme[key]);
    if (value) root.style.setProperty(variable, value);
    else root.style.removeProperty(variable);
  }
  const family = safeFont(theme.fontFamily);
  if (family) root.style.setProperty("--brand-font", family);
  else root.style.removeProperty("--brand-font");
  return () => {
    for (const variable of [...Object.keys(variables), "--brand-font"]) root.style.removeProperty(variable);
  };
}
