/**
 * The node:http server every route runs on, with the limits on what one client can hold: how long
 * it may take to send a request's headers and its whole request, how long an idle keep-alive
 * connection stays open, and how many connections are open at once. Set on the server itself, so
 * they hold whatever framework handles the requests.
 */
import http from "node:http";
import type { Config } from "../config.js";

export type HttpLimits = Pick<Config, "HTTP_HEADERS_TIMEOUT_MS" | "HTTP_REQUEST_TIMEOUT_MS" | "HTTP_KEEP_ALIVE_TIMEOUT_MS" | "HTTP_MAX_CONNECTIONS">;

/**
 * How often node looks for requests past their timeouts: node's default is long enough that a
 * timeout of seconds would be enforced only up to half a minute late.
 */
const checkingIntervalMs = (limits: HttpLimits) => Math.max(10, Math.min(1_000, Math.floor(limits.HTTP_HEADERS_TIMEOUT_MS / 4)));

export function createHttpServer(limits: HttpLimits): http.Server {
  const server = http.createServer({
    headersTimeout: limits.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeout: limits.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: limits.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    connectionsCheckingInterval: checkingIntervalMs(limits),
  });
  // Connections past the cap are closed as they arrive.
  server.maxConnections = limits.HTTP_MAX_CONNECTIONS;
  return server;
}

/**
 * TRUST_PROXY as Fastify's `trustProxy` takes it: a number of hops becomes the function that
 * proxy-addr makes of one (Fastify's types leave numbers out).
 */
export function trustedProxies(setting: Config["TRUST_PROXY"]): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof setting === "number" ? (_address, hop) => hop < setting : setting;
}
