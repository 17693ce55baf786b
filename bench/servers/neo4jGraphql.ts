/**
 * Contender (c): @neo4j/graphql 7 over an equivalent schema of the same database
 * (neo4jGraphqlSchema.ts), served by Apollo Server on the service's own `/graphql` endpoint
 * (src/http/graphqlEndpoint.ts, on Fastify as the service's) with the service's compiled execution
 * (src/graphql/compiledExecution.ts), so the HTTP and GraphQL execution layers are the same and
 * the difference is in how Cypher is made.
 */
import http from "node:http";
import Fastify from "fastify";
import { ApolloServer } from "@apollo/server";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { typeDefs } from "../neo4jGraphqlSchema.js";
import { loadConfig } from "../../src/config.js";
import { compiledExecution } from "../../src/graphql/compiledExecution.js";
import { graphqlEndpoint } from "../../src/http/graphqlEndpoint.js";
import { runServerProcess } from "./child.js";

runServerProcess(async (driver, target) => {
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  // Compiled execution as the service runs it in production, with its default settings.
  const { COMPILED_EXECUTION, COMPILED_DOCUMENTS_MAX } = loadConfig({ NODE_ENV: "production" });
  const gateway = compiledExecution(schema, { enabled: COMPILED_EXECUTION, maxDocuments: COMPILED_DOCUMENTS_MAX });
  const apollo = new ApolloServer({ gateway, stopOnTerminationSignals: false });
  await apollo.start();
  let httpServer: http.Server | undefined;
  const app = Fastify({ serverFactory: (handler) => (httpServer = http.createServer(handler)) });
  await app.register(
    graphqlEndpoint({
      path: "/graphql",
      apollo,
      corsOrigins: [],
      onRequest: [],
      bodyLimitBytes: 1024 * 1024,
      context: async () => ({ sessionConfig: { database: target.database } }),
    }),
  );
  await app.ready();
  return { httpServer: httpServer!, stop: () => apollo.stop() };
});
