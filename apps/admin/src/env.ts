/** The only place that reads build-time configuration. */
const rawApiUrl = import.meta.env.VITE_API_URL?.trim();

/** The GraphQL endpoint over HTTP. */
export const apiUrl: string = rawApiUrl ? rawApiUrl : "http://127.0.0.1:4000/graphql";

/** The same endpoint for graphql-ws (http → ws, https → wss). */
export const wsUrl: string = apiUrl.replace(/^http/i, "ws");
