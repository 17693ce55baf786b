/**
 * Errors answered before a request reaches Apollo Server (rate limit, unreadable body) still
 * look like GraphQL responses: `{"errors": [...]}` with a stable `extensions.code`, in the
 * media type the client asked for (GraphQL over HTTP).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import accepts from "accepts";

const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

/**
 * The media type of a GraphQL response for a request's Accept header, negotiated as Apollo Server
 * does: only clients that ask for the newer media type get it; everyone else gets plain JSON.
 */
export function responseMediaType(accept: string | undefined): "application/json" | typeof GRAPHQL_RESPONSE_JSON {
  return accepts({ headers: { accept } } as IncomingMessage).type(["application/json", GRAPHQL_RESPONSE_JSON]) === GRAPHQL_RESPONSE_JSON
    ? GRAPHQL_RESPONSE_JSON
    : "application/json";
}

export function sendGraphQLError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  extensions: Record<string, unknown> & { code: string },
): void {
  const type = responseMediaType(req.headers.accept);
  sendBody(res, status, `${type}; charset=utf-8`, JSON.stringify({ errors: [{ message, extensions }] }));
}

/** A whole response with its length. */
function sendBody(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", contentType);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}
