/** Apollo Server on Express for one path: the given middleware (CORS, credentials, rate limit, body), then the GraphQL request. */
import { expressMiddleware } from "@as-integrations/express5";
import type { ApolloServer, BaseContext } from "@apollo/server";
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from "express";
import type { Logger } from "../logger.js";
import { answerBodyError } from "./body.js";
import { sendGraphQLError } from "./errorResponse.js";

export interface GraphQLEndpoint<C extends BaseContext> {
  apollo: ApolloServer<C>;
  before: readonly RequestHandler[];
  context: (req: Request) => Promise<C>;
  logger: Logger;
}

export function graphqlEndpoint<C extends BaseContext>({ apollo, before, context, logger }: GraphQLEndpoint<C>): express.Router {
  // Whatever fails before or around Apollo Server is still answered as GraphQL, never as Express's HTML error page.
  const failed: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    if (answerBodyError(error as { status?: unknown }, req, res)) return;
    // The request's own log, with its id, where the server gives requests ids (src/http/requestId.ts).
    (res.locals.log ?? logger).error({ err: error }, "unexpected error before GraphQL");
    if (!res.headersSent) sendGraphQLError(req, res, 500, "Internal server error", { code: "INTERNAL_SERVER_ERROR" });
    else res.destroy();
  };
  return express.Router().use(...before, expressMiddleware(apollo, { context: ({ req }) => context(req) }), failed);
}
