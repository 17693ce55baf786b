/** Apollo Server on `node:http` for one path: the request steps (CORS, rate limit, body), then the GraphQL request. */
import type { ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import type { Logger } from "../logger.js";
import { answerBodyError } from "./body.js";
import { sendGraphQLError } from "./errorResponse.js";
import { runSteps, type GraphQLHttpRequest, type Step } from "./steps.js";

export interface GraphQLEndpoint<C extends BaseContext> {
  apollo: ApolloServer<C>;
  steps: readonly Step[];
  context: (req: GraphQLHttpRequest) => Promise<C>;
  logger: Logger;
}

/** The path's own URL and those below it, as Express's `app.use(path)` matched them. */
export function servesPath(path: string, url: string | undefined): boolean {
  const pathname = (url ?? "").split("?")[0]!;
  return pathname === path || pathname.startsWith(`${path}/`);
}

export function graphqlEndpoint<C extends BaseContext>({ apollo, steps, context, logger }: GraphQLEndpoint<C>) {
  const failed = (error: unknown, req: GraphQLHttpRequest, res: ServerResponse) => {
    if (answerBodyError(error as { status?: unknown }, req, res)) return;
    logger.error({ err: error }, "unexpected error before GraphQL");
    if (!res.headersSent) sendGraphQLError(req, res, 500, "Internal server error", { code: "INTERNAL_SERVER_ERROR" });
    else res.destroy();
  };
  return (req: GraphQLHttpRequest, res: ServerResponse): void => {
    runSteps(steps, req, res, (error) => {
      if (error !== undefined) failed(error, req, res);
      else respond(apollo, req, res, () => context(req)).catch((thrown: unknown) => failed(thrown, req, res));
    });
  };
}

async function respond<C extends BaseContext>(apollo: ApolloServer<C>, req: GraphQLHttpRequest, res: ServerResponse, context: () => Promise<C>): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: query === -1 ? "" : url.slice(query), body: req.body },
    context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    res.setHeader("Content-Length", Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
