/**
 * The request body as GraphQL over HTTP wants it: POSTs carry JSON (`application/json`), at
 * most `limitBytes` bytes, read by Express's JSON parser (body-parser). Anything else is
 * answered with a 4xx GraphQL error; never an HTML error page or a 500.
 */
import express, { type Request, type RequestHandler, type Response } from "express";
import { sendGraphQLError } from "./errorResponse.js";

/** `application/json; charset=utf-8` → `application/json`. */
const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

/** Apollo Server would call any other POST a bad request (400); its media type is what is wrong. */
const refuseOtherMediaTypes: RequestHandler = (req, res, next) => {
  if (req.method === "POST" && mediaType(req.headers["content-type"]) !== "application/json") {
    sendGraphQLError(req, res, 415, "A GraphQL POST must have Content-Type: application/json.", { code: "UNSUPPORTED_MEDIA_TYPE" });
    return;
  }
  next();
};

/**
 * A body past the limit is answered 413 as soon as it passes it (or at once, when its length says
 * so), and its connection is closed after the answer: the rest is never read. body-parser alone
 * reads the whole body off before it reports the error, for the client's sake, which lets a
 * client send without end.
 */
const cutOffPast =
  (limitBytes: number): RequestHandler =>
  (req, res, next) => {
    if (Number(req.headers["content-length"]) > limitBytes) return tooLarge(req, res);
    let size = 0;
    const count = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return;
      req.off("data", count);
      tooLarge(req, res);
    };
    req.on("data", count);
    next();
  };

function tooLarge(req: Request, res: Response): void {
  if (res.headersSent) return;
  res.setHeader("Connection", "close");
  answerBodyError({ status: 413, type: "entity.too.large" }, req, res);
}

export function jsonBody(limitBytes: number): RequestHandler[] {
  return [refuseOtherMediaTypes, cutOffPast(limitBytes), express.json({ limit: limitBytes })];
}

/**
 * Body failures (bad JSON, too large, bad charset) as GraphQL errors with their 4xx status (or
 * nothing more, when the answer has gone already: a body cut off is reported again as aborted);
 * false for any other error, which is not the client's.
 */
export function answerBodyError(error: { status?: unknown; type?: unknown }, req: Request, res: Response): boolean {
  const status = typeof error.status === "number" && error.status >= 400 && error.status < 500 ? error.status : null;
  if (status === null) return false;
  if (res.headersSent) return true;
  const message =
    error.type === "entity.too.large"
      ? "The request body is too large."
      : error.type === "entity.parse.failed"
        ? "The request body is not valid JSON."
        : "The request body could not be read.";
  sendGraphQLError(req, res, status, message, { code: "BAD_REQUEST" });
  return true;
}
