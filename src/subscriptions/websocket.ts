/**
 * GraphQL subscriptions over WebSocket (the graphql-transport-ws protocol, `graphql-ws`'s server)
 * on the HTTP server's own port and path, with the rules queries follow: the same credentials
 * (sent in `connection_init`), READS_REQUIRE_AUTH, the same limits on each operation, plus caps on
 * subscriptions per connection and connections per client, keep-alive pings, and a slow reader
 * dropped instead of buffered. Close codes and errors: docs/subscriptions.md.
 */
import { createHash } from "node:crypto";
import type http from "node:http";
import type { Duplex } from "node:stream";
import {
  parse,
  validate,
  getOperationAST,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from "graphql";
import { CloseCode, GRAPHQL_TRANSPORT_WS_PROTOCOL, type Context as WsContext, type SubscribePayload } from "graphql-ws";
import { useServer, type Extra } from "graphql-ws/use/ws";
import { decodeJwt } from "jose";
import { WebSocketServer, type WebSocket } from "ws";
import { authenticate, type AuthSettings, type AuthState } from "../auth/credentials.js";
import type { Config } from "../config.js";
import { createContext } from "../context.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { clientKey } from "../http/rateLimit.js";
import { checkLimits, type QueryLimits } from "../limits/plugin.js";
import type { Logger } from "../logger.js";
import { LEGACY_PROTOCOL, LegacyProtocolSocket } from "./legacyProtocol.js";

/** The close codes this service sends, besides graphql-ws's own (4400 bad request, 4401 unauthorized, 4403 forbidden, 4408 no connection_init in time). */
export const CLOSE = {
  /** The service is stopping: reconnect (to another instance, or once it is back). graphql-ws's client retries it. */
  serviceRestart: 1012,
  /** Too many connections from this client: close one, or try again later. */
  tryAgainLater: 1013,
  /** The client left more than WS_MAX_BUFFERED_BYTES of events unread. */
  slowConsumer: 4413,
} as const;

export type SubscriptionSettings = AuthSettings &
  Pick<
    Config,
    | "READS_REQUIRE_AUTH"
    | "MAX_QUERY_TOKENS"
    | "WS_MAX_SUBSCRIPTIONS_PER_CONNECTION"
    | "WS_MAX_CONNECTIONS_PER_CLIENT"
    | "WS_KEEP_ALIVE_MS"
    | "WS_MAX_BUFFERED_BYTES"
  >;

export interface SubscriptionServerDeps {
  httpServer: http.Server;
  path: string;
  schema: GraphQLSchema;
  db: Neo4jExecutor;
  settings: SubscriptionSettings;
  limits: QueryLimits;
  /** In allow-list mode, the documents that may run, by the SHA-256 hex of their text; null: any. */
  allowList: ReadonlyMap<string, string> | null;
  /** The one formatting every error goes through, HTTP's included (codes, no internals). */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
}

/** What this service keeps on each connection, beside graphql-ws's own. */
interface Connection {
  auth: AuthState;
  client: string;
  expiry: NodeJS.Timeout | null;
  /** The ids of its subscriptions that are listening (subscribed, and their id found). */
  listening: Set<string>;
}
type ConnectionExtra = Extra & { connection?: Connection };
type ConnectionContext = WsContext<Record<string, unknown> | undefined, ConnectionExtra>;

/** A WebSocket close reason is at most 123 bytes. */
const closeReason = (text: string) =>
  Buffer.byteLength(text) <= 123
    ? text
    : `${Buffer.from(text)
        .subarray(0, 119)
        .toString()
        .replace(/\uFFFD+$/, "")}...`;
const close = (socket: WebSocket, code: number, reason: string) => socket.close(code, closeReason(reason));

const refusal = (code: string, message: string, figures: Record<string, unknown> = {}) => new GraphQLError(message, { extensions: { code, ...figures } });

/** The credentials of `connection_init`: `{"authorization": "Bearer <token>"}`, else the upgrade request's Authorization header; undefined when none. */
function authorizationOf(ctx: ConnectionContext): string | undefined | { problem: string } {
  const params = ctx.connectionParams ?? {};
  const given = params.authorization ?? params.Authorization;
  if (given === undefined || given === null) return ctx.extra.request.headers.authorization;
  if (typeof given !== "string") return { problem: 'connection_init\'s payload.authorization must be a string, "Bearer <token>"' };
  return given;
}

/** When a JWT's bearer must reconnect with a fresh one; null for API keys. */
function expiresAt(authorization: string | undefined, auth: AuthState): number | null {
  if (auth.principal?.via !== "jwt" || !authorization) return null;
  const exp = decodeJwt(authorization.replace(/^Bearer\s+/i, "").trim()).exp;
  return exp === undefined ? null : exp * 1000;
}

export function serveSubscriptions({ httpServer, path, schema, db, settings, limits, allowList, formatError, logger }: SubscriptionServerDeps) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  // GraphQL Playground's older protocol: its sockets join the same server, translated (legacyProtocol.ts).
  const legacyWss = new WebSocketServer({
    noServer: true,
    maxPayload: 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has(LEGACY_PROTOCOL) ? LEGACY_PROTOCOL : false),
  });
  legacyWss.on("connection", (socket, request) => wss.emit("connection", new LegacyProtocolSocket(socket), request));
  const sockets = () => [...wss.clients, ...legacyWss.clients];
  const connectionsOf = new Map<string, number>();
  let listening = 0;
  let stopping = false;
  let closing: Promise<void> | undefined;

  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname !== path || stopping) {
      socket.end(`HTTP/1.1 ${stopping ? "503 Service Unavailable" : "404 Not Found"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const protocols = (request.headers["sec-websocket-protocol"] ?? "").split(",").map((protocol) => protocol.trim());
    const speaking = protocols.includes(LEGACY_PROTOCOL) && !protocols.includes(GRAPHQL_TRANSPORT_WS_PROTOCOL) ? legacyWss : wss;
    speaking.handleUpgrade(request, socket, head, (ws) => speaking.emit("connection", ws, request));
  };
  httpServer.on("upgrade", onUpgrade);

  const format = (error: GraphQLError): GraphQLFormattedError => {
    const { extensions, ...rest } = error.toJSON();
    const { http: _http, ...codes } = extensions ?? {};
    return formatError({ ...rest, extensions: { ...codes, code: codes.code ?? "INTERNAL_SERVER_ERROR" } }, error.originalError ?? error);
  };

  /**
   * The text to run: in allow-list mode, the listed document a client names by hash (the web app sends
   * its operations' hashes, as over HTTP, beside a text formatted otherwise), else the text it sent.
   */
  const documentText = (payload: SubscribePayload): string => {
    const persisted = payload.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
    const listed = typeof persisted?.sha256Hash === "string" ? allowList?.get(persisted.sha256Hash) : undefined;
    return listed ?? payload.query;
  };

  const parsed = (query: string): DocumentNode | GraphQLError[] => {
    try {
      return parse(query, { maxTokens: settings.MAX_QUERY_TOKENS });
    } catch (error) {
      return [refusal("GRAPHQL_PARSE_FAILED", (error as Error).message)];
    }
  };

  const server = useServer<Record<string, unknown> | undefined, { connection?: Connection }>(
    {
      schema,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const authorization = authorizationOf(ctx);
        if (typeof authorization === "object") {
          close(socket, CloseCode.BadRequest, authorization.problem);
          return false;
        }
        const auth = await authenticate(authorization, settings);
        if (auth.problem) {
          close(socket, CloseCode.Unauthorized, `Unauthorized: ${auth.problem}`);
          return false;
        }
        if (settings.READS_REQUIRE_AUTH && !auth.principal) {
          close(socket, CloseCode.Unauthorized, 'Unauthorized: subscriptions need a bearer token: connection_init {"authorization": "Bearer <token>"}');
          return false;
        }
        if (settings.READS_REQUIRE_AUTH && !auth.principal!.permissions.includes("read")) {
          close(socket, CloseCode.Forbidden, `Forbidden: "${auth.principal!.actor}" has no read permission`);
          return false;
        }
        const client = clientKey(ctx.extra.request.socket.remoteAddress, auth);
        const open = connectionsOf.get(client) ?? 0;
        if (open >= settings.WS_MAX_CONNECTIONS_PER_CLIENT) {
          close(socket, CLOSE.tryAgainLater, `Too many connections: at most ${settings.WS_MAX_CONNECTIONS_PER_CLIENT} per client; close one`);
          return false;
        }
        connectionsOf.set(client, open + 1);
        const expires = expiresAt(authorization, auth);
        const expiry =
          expires === null
            ? null
            : setTimeout(
                () => close(socket, CloseCode.Unauthorized, "Unauthorized: the JWT has expired; connect again with a fresh one"),
                Math.max(0, expires - Date.now()),
              );
        ctx.extra.connection = { auth, client, expiry, listening: new Set() };
        return true;
      },
      onClose: (ctx) => {
        const connection = ctx.extra.connection;
        if (!connection) return;
        delete ctx.extra.connection;
        if (connection.expiry) clearTimeout(connection.expiry);
        listening -= connection.listening.size;
        const open = (connectionsOf.get(connection.client) ?? 1) - 1;
        if (open > 0) connectionsOf.set(connection.client, open);
        else connectionsOf.delete(connection.client);
      },
      onSubscribe: (ctx, _id, payload) => {
        // graphql-ws has already counted this one.
        const open = Object.keys(ctx.subscriptions).length;
        if (open > settings.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [
            refusal(
              "TOO_MANY_SUBSCRIPTIONS",
              `At most ${settings.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions at once on one connection; complete one first, or open another connection.`,
              {
                maxSubscriptions: settings.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
              },
            ),
          ];
        }
        const query = documentText(payload);
        const document = parsed(query);
        if (Array.isArray(document)) return document;
        const invalid = validate(schema, document);
        if (invalid.length > 0) return invalid.map((error) => refusal("GRAPHQL_VALIDATION_FAILED", error.message));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [refusal("BAD_REQUEST", "The document has no operation of that name, or several operations and no operationName.")];
        if (operation.operation !== "subscription") {
          return [
            refusal(
              "BAD_REQUEST",
              `Only subscriptions run over WebSocket; send ${operation.operation === "query" ? "queries" : "mutations"} to this URL over HTTP (POST).`,
            ),
          ];
        }
        if (allowList && !allowList.has(createHash("sha256").update(query).digest("hex"))) {
          return [
            refusal(
              "OPERATION_NOT_ALLOWED",
              "This server runs only the operations of its web app (persisted-query allow-list); this operation is not one of them.",
            ),
          ];
        }
        const variables = payload.variables ?? {};
        const limited = checkLimits(limits, { schema, document, operation, variables });
        if (limited) return [limited];
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: variables,
          contextValue: createContext(db, ctx.extra.connection!.auth),
        };
      },
      onOperation: (ctx, id, _payload, _args, result) => {
        const connection = ctx.extra.connection;
        if (connection && Symbol.asyncIterator in result && !connection.listening.has(id)) {
          connection.listening.add(id);
          listening++;
        }
      },
      onComplete: (ctx, id) => {
        if (ctx.extra.connection?.listening.delete(id)) listening--;
      },
      onNext: (ctx, _id, _payload, _args, result: ExecutionResult) => {
        const socket = ctx.extra.socket;
        if (socket.bufferedAmount > settings.WS_MAX_BUFFERED_BYTES) {
          logger.warn({ client: ctx.extra.connection?.client, bufferedBytes: socket.bufferedAmount }, "closed a subscriber that does not read its events");
          close(socket, CLOSE.slowConsumer, `Slow consumer: more than ${settings.WS_MAX_BUFFERED_BYTES} bytes of events unread`);
        }
        return result.errors ? { ...result, errors: result.errors.map(format) } : undefined;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
    },
    wss,
    settings.WS_KEEP_ALIVE_MS,
  );

  return {
    /** Open WebSocket connections (those being closed, a slow consumer's say, no longer count). */
    get connections(): number {
      return sockets().filter((socket) => socket.readyState === socket.OPEN).length;
    },
    /** Subscriptions listening for events, on every connection. */
    get listening(): number {
      return listening;
    },
    /** Refuses new connections and closes the open ones with 1012 (service restart), so that clients reconnect. Once. */
    close(): Promise<void> {
      closing ??= (async () => {
        stopping = true;
        httpServer.off("upgrade", onUpgrade);
        for (const socket of sockets()) close(socket, CLOSE.serviceRestart, "Service restart: reconnect");
        await Promise.all([server.dispose(), new Promise((resolve) => legacyWss.close(resolve))]);
      })();
      return closing;
    },
  };
}
