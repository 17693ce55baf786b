/**
 * Errors answered before a request reaches Apollo Server (rate limit, unreadable body) still
 * look like GraphQL responses: `{"errors": [...]}` with a stable `extensions.code`, in the
 * media type the client asked for (GraphQL over HTTP).
 */
import type { Request, Response } from "express";

const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

export function sendGraphQLError(req: Request, res: Response, status: number, message: string, extensions: Record<string, unknown> & { code: string }): void {
  // Only clients that ask for the newer media type get it; everyone else gets plain JSON.
  const type = req.accepts(["application/json", GRAPHQL_RESPONSE_JSON]) === GRAPHQL_RESPONSE_JSON ? GRAPHQL_RESPONSE_JSON : "application/json";
  res.status(status).type(`${type}; charset=utf-8`).send(JSON.stringify({ errors: [{ message, extensions }] }));
}
