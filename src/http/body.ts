/**
 * The request body as GraphQL over HTTP wants it: POSTs carry JSON (`application/json`), at
 * most `limit` bytes. Anything else is answered here with a 4xx GraphQL error; never Express's
 * HTML error page (which shows a stack trace outside production) or a 500.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { sendGraphQLError } from "./errorResponse.js";

/** `application/json; charset=utf-8` → `application/json`. */
const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

export function jsonBody(limit: string): RequestHandler[] {
  const parse = express.json({ limit });
  const unsupportedMediaType: RequestHandler = (req, res, next) => {
    if (req.method === "POST" && mediaType(req.headers["content-type"]) !== "application/json") {
      sendGraphQLError(req, res, 415, "A GraphQL POST must have Content-Type: application/json.", { code: "UNSUPPORTED_MEDIA_TYPE" });
      return;
    }
    next();
  };
  const ensureBody: RequestHandler = (req, _res, next) => {
    // Apollo's Express integration answers 500 when the body property is missing (a GET, an empty POST).
    if (!Reflect.has(req, "body")) (req as { body?: unknown }).body = undefined;
    next();
  };
  return [unsupportedMediaType, parse, ensureBody];
}

/** Body parser failures (bad JSON, too large, bad charset) as GraphQL errors with their 4xx status. */
export const bodyErrors: ErrorRequestHandler = (error: { status?: unknown; type?: unknown }, req, res, next) => {
  const status = typeof error.status === "number" && error.status >= 400 && error.status < 500 ? error.status : null;
  if (status === null || res.headersSent) {
    next(error);
    return;
  }
  const message =
    error.type === "entity.too.large"
      ? "The request body is too large."
      : error.type === "entity.parse.failed"
        ? "The request body is not valid JSON."
        : "The request body could not be read.";
  sendGraphQLError(req, res, status, message, { code: "BAD_REQUEST" });
};
