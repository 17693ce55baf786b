/**
 * Wiring only: Apollo Server on Express, a per-request context, health endpoints.
 * The domains live in src/<domain>/ and the database door in src/db/.
 */
import http from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import type { Config } from "./config.js";
import { createContext, type Context } from "./context.js";
import type { Neo4jExecutor } from "./db/executor.js";
import type { Logger } from "./logger.js";
import { loadTypeDefs, resolvers } from "./schema.js";

export interface ServerDeps {
  config: Pick<Config, "NODE_ENV">;
  db: Neo4jExecutor;
  logger: Logger;
}

/** Tells clients (and the no-N+1 tests and benchmarks) how many Cypher statements a request cost. */
const roundTripsPlugin: ApolloServerPlugin<Context> = {
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

export async function createServer({ config, db, logger }: ServerDeps) {
  const app = express();
  const httpServer = http.createServer(app);
  const development = config.NODE_ENV !== "production";

  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    includeStacktraceInErrorResponses: config.NODE_ENV === "development",
    // main.ts owns the signals: it must stop the API, then the driver, then the local Neo4j, in that order.
    stopOnTerminationSignals: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const code = formatted.extensions?.code;
      if (code === "INTERNAL_SERVER_ERROR") {
        logger.error({ err: unwrapResolverError(error) }, "unexpected error while resolving");
        if (!development) return { message: "Internal server error", extensions: { code } };
      }
      return formatted;
    },
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), roundTripsPlugin],
  });
  await apollo.start();

  app.get("/health/live", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/health/ready", async (_req, res) => {
    try {
      await db.driver.verifyConnectivity();
      res.json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable", reason: "Neo4j is not reachable" });
    }
  });
  app.use("/graphql", express.json({ limit: "1mb" }), expressMiddleware(apollo, { context: async () => createContext(db) }));

  return {
    httpServer,
    /** Listens and resolves with the bound port (0 picks a free one). */
    listen(port: number, host?: string): Promise<number> {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    /** Stops accepting, lets in-flight requests finish, then resolves. */
    stop: () => apollo.stop(),
  };
}
