/**
 * The request body as GraphQL over HTTP wants it: POSTs carry JSON (`application/json`, in a
 * UTF charset, possibly gzip-, deflate- or brotli-compressed), at most `limitBytes` bytes once
 * decompressed. Fastify reads it and stops reading as soon as it passes the limit (or at once,
 * when its length says so); anything it cannot use is answered with a 4xx GraphQL error, never an
 * HTML page or a 500 (src/http/graphqlEndpoint.ts).
 */
import { Transform, type Readable } from "node:stream";
import { TextDecoder } from "node:util";
import zlib from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { replyGraphQLError } from "./errorResponse.js";

/** What is wrong with a body, as the client is told it. */
class BodyError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const NOT_JSON = "The request body is not valid JSON.";
const UNREADABLE = "The request body could not be read.";

const decompressors: Record<string, () => Transform> = {
  gzip: zlib.createGunzip,
  "x-gzip": zlib.createGunzip,
  deflate: zlib.createInflate,
  br: zlib.createBrotliDecompress,
};

/**
 * The compressed body, decompressed on its way to the parser. Fastify checks Content-Length
 * against `receivedEncodedLength` when a stream has one, and the limit against what it reads.
 */
function decompressed(request: FastifyRequest, payload: Readable): Readable {
  const encoding = (request.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding === "identity") return payload;
  const decompress = decompressors[encoding];
  if (!decompress) throw new BodyError(415, `Unsupported Content-Encoding "${encoding}": send the body as it is, or gzip-, deflate- or br-compressed.`);
  const inflating = Object.assign(decompress(), { receivedEncodedLength: 0 });
  payload.on("data", (chunk: Buffer) => (inflating.receivedEncodedLength += chunk.length));
  payload.on("error", (error) => inflating.destroy(error));
  return payload.pipe(inflating);
}

/** The charset a JSON body may come in (any UTF: RFC 8259 allows no other), as TextDecoder names it. */
function decoderFor(contentType: string | undefined): TextDecoder {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "")?.[1]?.toLowerCase() ?? "utf-8";
  if (!charset.startsWith("utf-")) throw new BodyError(415, `Unsupported charset "${charset}": send JSON as UTF-8.`);
  try {
    // A byte order mark is dropped by the decoder.
    return new TextDecoder(charset, { fatal: true });
  } catch {
    throw new BodyError(415, `Unsupported charset "${charset}": send JSON as UTF-8.`);
  }
}

/** Only an object or a list: GraphQL over HTTP has no other request body (body-parser's `strict`). */
function parseJson(request: FastifyRequest, body: Buffer): unknown {
  let text: string;
  try {
    text = decoderFor(request.headers["content-type"]).decode(body);
  } catch (error) {
    // Bytes that are not text in the charset (the decoder is fatal): the client's fault, not a 500.
    if (error instanceof BodyError) throw error;
    throw new BodyError(400, UNREADABLE);
  }
  if (text.trim() === "") return {};
  if (!/^\s*[{[]/.test(text)) throw new BodyError(400, NOT_JSON);
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, NOT_JSON);
  }
}

/** In `scope`: JSON request bodies and nothing else. */
export function acceptJsonBodies(scope: FastifyInstance, limitBytes: number): void {
  scope.removeAllContentTypeParsers();
  scope.addHook("preParsing", async (request, _reply, payload) => decompressed(request, payload));
  scope.addContentTypeParser("application/json", { parseAs: "buffer", bodyLimit: limitBytes }, (request, body, done) => {
    try {
      done(null, parseJson(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/**
 * A failure to read the body (or to find one Fastify could read) as a GraphQL error with its 4xx
 * status; false for any other error, which is not the client's. A body cut off at the limit is
 * not read further: its connection closes once the answer has gone.
 */
export function answerBodyError(error: { statusCode?: number; code?: string; message: string }, request: FastifyRequest, reply: FastifyReply): boolean {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return false;
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    void replyGraphQLError(request, reply, 415, "A GraphQL POST must have Content-Type: application/json.", { code: "UNSUPPORTED_MEDIA_TYPE" });
    return true;
  }
  if (status === 413) reply.header("Connection", "close");
  const message = error instanceof BodyError ? error.message : status === 413 ? "The request body is too large." : UNREADABLE;
  void replyGraphQLError(request, reply, status, message, { code: "BAD_REQUEST" });
  return true;
}
