/**
 * Contender (c): @neo4j/graphql 7 over an equivalent schema of the same database
 * (neo4jGraphqlSchema.ts), served by Apollo Server on the service's own `/graphql` endpoint
 * (src/http/graphqlEndpoint.ts, on Express as the service's) with the service's compiled execution
 * (src/graphql/compiledExecution.ts), so the HTTP and GraphQL execution layers are the same and
 * the difference is in how Cypher is made.
 */
import http from "node:http";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { typeDefs } from "../neo4jGraphqlSchema.js";
import { loadConfig } from "../../src/config.js";
import { compiledExecution } from "../../src/graphql/compiledExecution.js";
import { jsonBody } from "../../src/http/body.js";
import { graphqlEndpoint } from "../../src/http/graphqlEndpoint.js";
import { createLogger } from "../../src/logger.js";
import { runServerProcess } from "./child.js";

runServerProcess(async (driver, target) => {
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  // Compiled execution as the service runs it in production, with its default settings.
  const { COMPILED_EXECUTION, COMPILED_DOCUMENTS_MAX } = loadConfig({ NODE_ENV: "production" });
  const gateway = compiledExecution(schema, { enabled: COMPILED_EXECUTION, maxDocuments: COMPILED_DOCUMENTS_MAX });
  const apollo = new ApolloServer({ gateway, stopOnTerminationSignals: false });
  await apollo.start();
  const graphql = graphqlEndpoint({
    apollo,
    before: jsonBody(1024 * 1024),
    context: async () => ({ sessionConfig: { database: target.database } }),
    logger: createLogger("error"),
  });
  // Without ETags, as the service's app.
  const app = express().set("etag", false).use(graphql);
  return { httpServer: http.createServer(app), stop: () => apollo.stop() };
});
