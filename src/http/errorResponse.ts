/**
 * Errors answered before a request reaches Apollo Server (rate limit, unreadable body, shutdown)
 * still look like GraphQL responses: `{"errors": [...]}` with a stable `extensions.code`, in the
 * media type the client asked for (GraphQL over HTTP).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import accepts from "accepts";
import type { FastifyReply, FastifyRequest } from "fastify";

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

export type ErrorExtensions = Record<string, unknown> & { code: string };

/** The body of a GraphQL error response and its content type, for a request's Accept header. */
function graphQLError(accept: string | undefined, message: string, extensions: ErrorExtensions) {
  return { type: `${responseMediaType(accept)}; charset=utf-8`, body: JSON.stringify({ errors: [{ message, extensions }] }) };
}

/** Through Fastify: every route's answers. */
export function replyGraphQLError(request: FastifyRequest, reply: FastifyReply, status: number, message: string, extensions: ErrorExtensions) {
  const { type, body } = graphQLError(request.headers.accept, message, extensions);
  return reply.code(status).type(type).send(body);
}

/** Straight on node's response: only where no framework has the request (src/http/drain.ts refuses before routing). */
export function sendGraphQLError(req: IncomingMessage, res: ServerResponse, status: number, message: string, extensions: ErrorExtensions): void {
  const { type, body } = graphQLError(req.headers.accept, message, extensions);
  res.statusCode = status;
  res.setHeader("Content-Type", type);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}
