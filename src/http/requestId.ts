/**
 * A request id for every request: the client's own `x-request-id` when it is a sane one (a load
 * balancer or the client may have logged it already), otherwise a new UUID. Fastify keeps it as
 * `request.id` and puts it on every line of the request's log (`request.log`); every response
 * carries it back in `x-request-id`, and the request's Cypher transactions' metadata (visible in
 * Neo4j's SHOW TRANSACTIONS and query log) carry it too.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyInstance } from "fastify";

/** Printable, no spaces or quotes, short: anything else (log injection, a megabyte of header) is replaced, not refused. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** Fastify's `genReqId`. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The log field Fastify names the id with. */
export const REQUEST_ID_LOG_LABEL = "requestId";

/** Sends the id back, and counts and logs (at debug) each response once it is sent. */
export function reportRequests(app: FastifyInstance, onResponse?: (status: number) => void): void {
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // What reads the request's headers later (Apollo Server's plugins, which never see Fastify's request) finds the id in force.
    request.headers["x-request-id"] = request.id;
  });
  app.addHook("onResponse", async (request, reply) => {
    onResponse?.(reply.statusCode);
    // Debug, not info: Playground polls the schema every few seconds, and a line for each would bury the rest.
    request.log.debug({ method: request.method, path: request.url.split("?")[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, "request");
  });
}
