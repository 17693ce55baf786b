/**
 * The log line of an unexpected error names its request, as the request's other lines do. Apollo
 * Server formats errors (formatError, where unexpected ones are told apart and logged) knowing
 * nothing of the request; its plugins see the request first, so the plugin here notes whose each
 * error is, by the request id that src/http/requestId.ts put on the request.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { Logger } from "../logger.js";

export function errorLogs(logger: Logger) {
  const requestLogOf = new WeakMap<object, Logger>();
  const plugin: ApolloServerPlugin = {
    async requestDidStart({ request }) {
      const requestId = request.http?.headers.get("x-request-id");
      if (!requestId) return;
      return {
        async didEncounterErrors({ errors }) {
          const log = logger.child({ requestId });
          for (const error of errors) requestLogOf.set(error, log);
        },
      };
    },
  };
  return {
    plugin,
    /** Where to log `error`: with its request's id once the plugin has seen it, else (a subscription's event over WebSocket) the service's log. */
    logFor: (error: unknown): Logger => (typeof error === "object" && error !== null ? requestLogOf.get(error) : undefined) ?? logger,
  };
}
