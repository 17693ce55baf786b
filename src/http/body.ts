/**
 * The request body as GraphQL over HTTP wants it: POSTs carry JSON (`application/json`), at
 * most `limit` bytes. Anything else is answered here with a 4xx GraphQL error; never an HTML
 * error page or a 500.
 */
import type { ServerResponse } from "node:http";
import express from "express";
import { sendGraphQLError } from "./errorResponse.js";
import type { GraphQLHttpRequest, Step } from "./steps.js";

/** `application/json; charset=utf-8` → `application/json`. */
const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

export function jsonBody(limit: string): Step[] {
  // body-parser's JSON parser (which Express re-exports) works on plain node requests.
  const parse = express.json({ limit }) as unknown as Step;
  const unsupportedMediaType: Step = (req, res, next) => {
    if (req.method === "POST" && mediaType(req.headers["content-type"]) !== "application/json") {
      sendGraphQLError(req, res, 415, "A GraphQL POST must have Content-Type: application/json.", { code: "UNSUPPORTED_MEDIA_TYPE" });
      return;
    }
    next();
  };
  const ensureBody: Step = (req, _res, next) => {
    // Apollo Server takes a missing body (a GET, an empty POST) as undefined.
    if (!Reflect.has(req, "body")) req.body = undefined;
    next();
  };
  return [unsupportedMediaType, parse, ensureBody];
}

/**
 * Body parser failures (bad JSON, too large, bad charset) as GraphQL errors with their 4xx
 * status; false for any other error, which is not the client's.
 */
export function answerBodyError(error: { status?: unknown; type?: unknown }, req: GraphQLHttpRequest, res: ServerResponse): boolean {
  const status = typeof error.status === "number" && error.status >= 400 && error.status < 500 ? error.status : null;
  if (status === null || res.headersSent) return false;
  const message =
    error.type === "entity.too.large"
      ? "The request body is too large."
      : error.type === "entity.parse.failed"
        ? "The request body is not valid JSON."
        : "The request body could not be read.";
  sendGraphQLError(req, res, status, message, { code: "BAD_REQUEST" });
  return true;
}
