/** The only place that reads build-time configuration (Vite inlines `import.meta.env.VITE_*` at build time). */
const rawApiUrl = import.meta.env.VITE_API_URL?.trim();

/** The GraphQL endpoint over HTTP. */
export const apiUrl: string = rawApiUrl ? rawApiUrl : "http://127.0.0.1:4000/graphql";

/** The same endpoint for graphql-ws (http → ws, https → wss). */
export const wsUrl: string = apiUrl.replace(/^http/i, "ws");

/**
 * When set (e.g. `qline.app`), a page served from `<slug>.qline.app` belongs to tenant `<slug>` and its paths drop
 * the `/t/<slug>` prefix. Unset: only path routing (`/t/<slug>/...`), which always works.
 */
export const baseDomain: string | null = import.meta.env.VITE_BASE_DOMAIN?.trim().toLowerCase().replace(/^\./, "") || null;
