/**
 * Apollo Server on Fastify at one path, in a scope of its own: CORS, then the hooks given (the
 * caller's credentials, the rate limit), then the JSON body, then the GraphQL request. Whatever
 * fails before or around Apollo Server is still answered as GraphQL.
 */
import { fastifyApolloHandler } from "@as-integrations/fastify";
import type { ApolloServer, BaseContext } from "@apollo/server";
import fastifyCors from "@fastify/cors";
import type { FastifyPluginAsync, FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import { acceptJsonBodies, answerBodyError } from "./body.js";
import { replyGraphQLError } from "./errorResponse.js";

export interface GraphQLEndpoint<C extends BaseContext> {
  path: string;
  apollo: ApolloServer<C>;
  /** Browsers on these origins may call the API from pages of their own (by default the web app's Vite dev server). */
  corsOrigins: readonly string[];
  onRequest: readonly onRequestAsyncHookHandler[];
  bodyLimitBytes: number;
  context: (request: FastifyRequest) => Promise<C>;
}

export function graphqlEndpoint<C extends BaseContext>({
  path,
  apollo,
  corsOrigins,
  onRequest,
  bodyLimitBytes,
  context,
}: GraphQLEndpoint<C>): FastifyPluginAsync {
  return async (scope) => {
    // Other origins get no Access-Control-Allow-Origin, so the browser keeps the answer from the calling page.
    // A preflight is answered here, not by GraphQL, and remembered for ten minutes; like any OPTIONS, whatever it carries.
    await scope.register(fastifyCors, { origin: [...corsOrigins], methods: ["GET", "POST", "OPTIONS"], maxAge: 600, strictPreflight: false });
    for (const hook of onRequest) scope.addHook("onRequest", hook);
    acceptJsonBodies(scope, bodyLimitBytes);
    scope.setErrorHandler<Error & { statusCode?: number; code?: string }>((error, request, reply) => {
      if (answerBodyError(error, request, reply)) return;
      request.log.error({ err: error }, "unexpected error before GraphQL");
      return replyGraphQLError(request, reply, 500, "Internal server error", { code: "INTERNAL_SERVER_ERROR" });
    });
    // Every method reaches Apollo Server, which answers the ones GraphQL over HTTP has no use for with 405.
    scope.route({
      method: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
      url: path,
      exposeHeadRoute: false,
      handler: fastifyApolloHandler(apollo, { context: (request) => context(request) }),
    });
  };
}
