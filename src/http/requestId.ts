/**
 * A request id for every request: the client's own `x-request-id` when it is a sane one (a load
 * balancer or the client may have logged it already), otherwise a new UUID. Every response
 * carries it back in `x-request-id`; the request's log lines (`res.locals.log`) and its Cypher
 * transactions' metadata (visible in Neo4j's SHOW TRANSACTIONS and query log) carry it too.
 */
import { randomUUID } from "node:crypto";
import type { RequestHandler, Response } from "express";
import type { Logger } from "../logger.js";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own way to type res.locals
  namespace Express {
    interface Locals {
      requestId: string;
      /** The service's logger with this request's id on every line. */
      log: Logger;
    }
  }
}

/** Printable, no spaces or quotes, short: anything else (log injection, a megabyte of header) is replaced, not refused. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export interface RequestIdOptions {
  logger: Logger;
  /** Called with each response's status once it is sent (the metrics count them). */
  onResponse?: (status: number) => void;
}

export function requestIds({ logger, onResponse }: RequestIdOptions): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("x-request-id", requestId);
    // What reads the request's headers later (Apollo Server's plugins, which never see res.locals) finds the id in force.
    req.headers["x-request-id"] = requestId;
    res.locals.requestId = requestId;
    res.locals.log = logger.child({ requestId });
    const started = performance.now();
    // Taken now: routers mounted on a path (app.use("/graphql", …)) rewrite req.url while they run.
    const { method, path } = req;
    res.once("finish", () => {
      onResponse?.(res.statusCode);
      // Debug, not info: Playground polls the schema every few seconds, and a line for each would bury the rest.
      res.locals.log.debug({ method, path, status: res.statusCode, ms: Math.round(performance.now() - started) }, "request");
    });
    next();
  };
}

export function requestIdOf(res: Response | undefined): string | undefined {
  return res?.locals.requestId;
}
