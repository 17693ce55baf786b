/**
 * Persisted queries. Automatic persisted queries (APQ) are Apollo Server's: a client sends a
 * document's SHA-256 instead of the document once the server has seen it. On top of that the
 * web app's operations are known in advance (manifest.ts), so the app can send hashes from the
 * first request. In allow-list mode only those operations run at all.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

export type PersistedQueriesMode = "automatic" | "allowlist";

function persistedQueryHash(extensions: Record<string, unknown> | undefined): unknown {
  const persisted = extensions?.persistedQuery;
  return persisted !== null && typeof persisted === "object" ? (persisted as { sha256Hash?: unknown }).sha256Hash : undefined;
}

/**
 * Fills in the document of a request that names a manifest operation by hash alone; in
 * allow-list mode, refuses any other document before it runs. (Refused after parsing and
 * validation, which MAX_QUERY_TOKENS bounds: Apollo answers an error thrown any earlier with a 500.)
 */
export function persistedQueriesPlugin(mode: PersistedQueriesMode, manifest: ReadonlyMap<string, string>): ApolloServerPlugin {
  return {
    // Runs before Apollo resolves the hash (the APQ step), so a manifest hash never needs registering.
    async requestDidStart({ request }) {
      const hash = persistedQueryHash(request.extensions);
      if (request.query === undefined && typeof hash === "string") {
        const document = manifest.get(hash);
        if (document !== undefined) request.query = document;
      }
      if (mode !== "allowlist") return;
      return {
        async didResolveOperation({ queryHash }) {
          if (queryHash === undefined || !manifest.has(queryHash)) {
            throw new GraphQLError("This server runs only the operations of its web app (persisted-query allow-list); this operation is not one of them.", {
              extensions: { code: "OPERATION_NOT_ALLOWED", http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
