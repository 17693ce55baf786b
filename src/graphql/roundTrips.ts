/**
 * `extensions.cypherRoundTrips`: how many Cypher statements a request cost. The no-N+1 tests and
 * the benchmark read it; production answers leave it out (DEBUG_EXTENSIONS), as it tells
 * strangers how the service queries its database and costs bytes on every answer.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";

export function roundTripsPlugin(enabled: boolean): ApolloServerPlugin<Context> {
  if (!enabled) return {};
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === "single") {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cypherRoundTrips: contextValue.db.roundTrips };
          }
        },
      };
    },
  };
}
