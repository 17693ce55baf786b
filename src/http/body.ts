/**
 * The request body as GraphQL over HTTP wants it: POSTs carry JSON (`application/json`), at
 * most `limitBytes` bytes. Anything else is answered here with a 4xx GraphQL error; never an
 * HTML error page or a 500.
 */
import type { ServerResponse } from "node:http";
import express from "express";
import { sendGraphQLError } from "./errorResponse.js";
import type { GraphQLHttpRequest, Step } from "./steps.js";

/** `application/json; charset=utf-8` → `application/json`. */
const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

/** A body failure as body-parser reports one: the status and its `type`, which answerBodyError words. */
class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
  ) {
    super(type);
  }
}

/**
 * The common body, uncompressed UTF-8 JSON, read directly: body-parser's layers (charset and
 * media type parsing, iconv, its stream helpers) cost 0.08 to 0.11 ms of CPU per request, a
 * tenth of the service's own time on a one-statement query (bench/RESULTS.md). It answers as
 * body-parser does: an empty body is `{}`, and only an object or an array is JSON.
 */
const readPlainJson =
  (limitBytes: number): Step =>
  (req, _res, next) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
    });
    req.once("error", () => next(new BodyError(400, "request.aborted")));
    req.once("end", () => {
      // Answered already, by cutOffPast: nothing of it runs.
      if (size > limitBytes) return next(new BodyError(413, "entity.too.large"));
      // A byte order mark is not part of the JSON (body-parser's decoder drops it too).
      const text = Buffer.concat(chunks, size).toString("utf8").replace(/^\uFEFF/, "");
      if (!text) req.body = {};
      else if (!/^[ \t\n\r]*[[{]/.test(text)) return next(new BodyError(400, "entity.parse.failed"));
      else {
        try {
          req.body = JSON.parse(text);
        } catch {
          return next(new BodyError(400, "entity.parse.failed"));
        }
      }
      next();
    });
  };

/** Nothing to decode: no content encoding, and UTF-8 (said or assumed). */
function isPlain(req: GraphQLHttpRequest): boolean {
  const encoding = req.headers["content-encoding"];
  if (encoding !== undefined && encoding.toLowerCase() !== "identity") return false;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers["content-type"] ?? "")?.[1];
  return charset === undefined || charset.toLowerCase() === "utf-8";
}

/** A body to read: one announced by its length or sent in chunks. */
const hasBody = (req: GraphQLHttpRequest) => req.headers["transfer-encoding"] !== undefined || req.headers["content-length"] !== undefined;

/**
 * A body past the limit is answered 413 as soon as it passes it (or at once, when its length says
 * so), and its connection is closed after the answer: the rest is never read. Reading it off
 * instead, for the client's sake, let a client send without end.
 */
function cutOffPast(limitBytes: number, req: GraphQLHttpRequest, res: ServerResponse): void {
  const tooLarge = () => {
    if (res.headersSent) return;
    res.setHeader("Connection", "close");
    answerBodyError(new BodyError(413, "entity.too.large"), req, res);
  };
  if (Number(req.headers["content-length"]) > limitBytes) return tooLarge();
  let size = 0;
  const count = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limitBytes) return;
    req.off("data", count);
    tooLarge();
  };
  req.on("data", count);
}

export function jsonBody(limitBytes: number): Step {
  const plain = readPlainJson(limitBytes);
  // body-parser's JSON parser (which Express re-exports) works on plain node requests: it takes
  // the rest (compressed bodies, UTF-16 and UTF-32, unsupported charsets answered with a 415).
  const other = express.json({ limit: limitBytes }) as unknown as Step;
  return (req, res, next) => {
    const json = mediaType(req.headers["content-type"]) === "application/json";
    if (req.method === "POST" && !json) {
      sendGraphQLError(req, res, 415, "A GraphQL POST must have Content-Type: application/json.", { code: "UNSUPPORTED_MEDIA_TYPE" });
      return;
    }
    // Apollo Server takes a missing body (a GET, an empty POST) as undefined.
    req.body = undefined;
    if (!hasBody(req) || !json) return next();
    cutOffPast(limitBytes, req, res);
    if (res.headersSent) return;
    if (isPlain(req)) plain(req, res, next);
    else other(req, res, next);
  };
}

/**
 * Body failures (bad JSON, too large, bad charset) as GraphQL errors with their 4xx status (or
 * nothing more, when the answer has gone already: a body cut off is reported again as aborted);
 * false for any other error, which is not the client's.
 */
export function answerBodyError(error: { status?: unknown; type?: unknown }, req: GraphQLHttpRequest, res: ServerResponse): boolean {
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
