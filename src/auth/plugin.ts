import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";
import { requirePermission } from "./credentials.js";

/**
 * With READS_REQUIRE_AUTH, every query needs a token with read permission. Mutations check
 * write permission in their resolvers (src/curation/), which also need the caller for the audit trail.
 */
export function readAuthPlugin(readsRequireAuth: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (readsRequireAuth && operation?.operation === "query") requirePermission(contextValue.auth, "read", "Reading the graph");
        },
      };
    },
  };
}
