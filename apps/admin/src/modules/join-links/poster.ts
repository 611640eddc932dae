/** What a join poster shows, besides the QR code: the tenant's branding and a heading. */
export interface PosterBranding {
  tenantName: string;
  logoUrl?: string | null | undefined;
  primaryColor?: string | null | undefined;
  accentColor?: string | null | undefined;
  fontFamily?: string | null | undefined;
}

/** "https://q.example.com/t/acme/join/…" → "q.example.com/t/acme/join/…": what a person types, without the scheme. */
export function shortLink(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/\/$/, "");
}

/** The poster branding of a tenant as the tenant shell holds it (name and theme). */
export function brandingOf(tenant: { name: string; theme: { primaryColor?: string | null; accentColor?: string | null; logoUrl?: string | null; fontFamily?: string | null } }): PosterBranding {
  const { primaryColor, accentColor, logoUrl, fontFamily } = tenant.theme;
  return { tenantName: tenant.name, primaryColor, accentColor, logoUrl, fontFamily };
}
