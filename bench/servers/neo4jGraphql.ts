/**
 * Contender (c): @neo4j/graphql 7 over an equivalent schema of the same database
 * (neo4jGraphqlSchema.ts), served by Apollo Server on Express like the service, so the HTTP
 * and GraphQL execution layers are the same and the difference is in how Cypher is made.
 */
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { Neo4jGraphQL } from "@neo4j/graphql";
import express from "express";
import { typeDefs } from "../neo4jGraphqlSchema.js";
import { runServerProcess } from "./child.js";

runServerProcess(async (driver, target) => {
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const apollo = new ApolloServer({ schema, stopOnTerminationSignals: false });
  await apollo.start();
  const app = express();
  app.use("/graphql", express.json({ limit: "1mb" }), expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database: target.database } }) }));
  return { httpServer: http.createServer(app), stop: () => apollo.stop() };
});
