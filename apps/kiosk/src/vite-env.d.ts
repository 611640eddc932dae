/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** GraphQL over HTTP; the WebSocket URL is derived from it. Default http://127.0.0.1:4000/graphql. */
  readonly VITE_API_URL?: string;
  /** Set (e.g. `qline.app`) to resolve the tenant from the host `<slug>.qline.app`. */
  readonly VITE_BASE_DOMAIN?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
