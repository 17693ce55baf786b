/**
 * GraphQL over HTTP's recommendation for the legacy media type: a client that accepts only
 * `application/json` cannot tell a GraphQL response from a proxy's error page by its status, so
 * a well-formed request is answered 200 even when its document does not parse, does not validate
 * or its variables do not fit; the errors are in the body. Clients that accept
 * `application/graphql-response+json` keep the 4xx that media type calls for. Errors of the
 * request itself (unreadable body, no query, wrong method, rate limit, authentication) keep
 * their status whatever the media type.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { responseMediaType } from "./errorResponse.js";

/** Errors about the document or its variables: the request carrying them was well-formed. */
const DOCUMENT_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "OPERATION_RESOLUTION_FAILURE",
  // The limits on each operation (src/limits/) are validation rules of their own.
  "QUERY_TOO_DEEP",
  "TOO_MANY_ALIASES",
  "TOO_MANY_SELECTIONS",
  "QUERY_TOO_COMPLEX",
  "QUERY_TOO_LARGE",
  "LIST_TOO_LONG",
]);

export function applicationJsonStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors;
          if (!errors?.length || !errors.every((error) => DOCUMENT_ERROR_CODES.has(String(error.extensions?.code)))) return;
          if (responseMediaType(request.http?.headers.get("accept") ?? undefined) === "application/json") response.http.status = 200;
        },
      };
    },
  };
}
