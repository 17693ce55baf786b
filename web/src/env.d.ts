/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The GraphQL endpoint, when not the default (same origin when the API serves the app; :4000 under `vite`). */
  readonly VITE_GRAPHQL_URL?: string;
}
