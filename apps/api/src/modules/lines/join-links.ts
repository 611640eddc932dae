/** Addresses of a tenant's public pages, from the server's QLINE_PUBLIC_URL (path-based: /t/<slug>/…). */
export function publicLinksOf(publicUrl: string, slug: string): { join: string; kiosk: string; display: string } {
  const base = `${publicUrl}/t/${encodeURIComponent(slug)}`;
  return { join: `${base}/join`, kiosk: `${base}/kiosk`, display: `${base}/display` };
}

/** The join page of one line: the form, ready to fill in (what a QR poster encodes). */
export const lineJoinUrl = (publicUrl: string, slug: string, lineId: string): string => `${publicLinksOf(publicUrl, slug).join}/${lineId}`;
