/** Counts every GraphQL request into the metrics: its duration and Cypher round trips by operation name, and its errors by code. */
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";
import type { Metrics } from "./metrics.js";

/**
 * Operation names are the client's to choose: past this many distinct ones, further names count
 * as "other", so that no client can grow the metrics (and every scrape) without bound.
 */
const MAX_OPERATION_NAMES = 200;

export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  const named = new Set<string>();
  const label = (operationName: string | null, resolved: boolean): string => {
    if (!resolved) return "(invalid)";
    if (!operationName) return "(anonymous)";
    if (named.has(operationName)) return operationName;
    if (named.size >= MAX_OPERATION_NAMES) return "(other)";
    named.add(operationName);
    return operationName;
  };
  return {
    async requestDidStart() {
      const stopTimer = metrics.operations.startTimer();
      return {
        async willSendResponse({ operation, operationName, contextValue, response }) {
          const name = label(operationName ?? null, operation !== undefined);
          stopTimer({ operation: name });
          metrics.cypherRoundTrips.inc({ operation: name }, contextValue.db.roundTrips);
          // The errors as formatted for the client (formatError has run): the codes it saw.
          if (response.body.kind !== "single") return;
          for (const error of response.body.singleResult.errors ?? []) metrics.errors.inc({ code: String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR") });
        },
      };
    },
  };
}
