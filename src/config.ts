import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { API_KEY_ENTRY, parseApiKey } from "./auth/credentials.js";
import { UserFacingError } from "./script.js";

/**
 * The repository root: every default path is relative to it, wherever the command is run from.
 * The nearest package.json above this module, which is src/ under tsx and dist/src/ compiled.
 */
export const projectRoot = nearestPackageDir(path.dirname(fileURLToPath(import.meta.url)));

function nearestPackageDir(dir: string): string {
  if (fs.existsSync(path.join(dir, "package.json"))) return dir;
  const parent = path.dirname(dir);
  if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}: run meetgraph from its repository.`);
  return nearestPackageDir(parent);
}

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** The Vite dev server's port (web/vite.config.ts uses Vite's default). */
export const viteDevPort = 5173;

/**
 * Every setting, its default, and how it is checked. `.env.example` mirrors this list;
 * a test keeps the two in step.
 */
const settings = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** 0 picks a free port (the start-up banner prints the one chosen). */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  /** Set NEO4J_URI to use your own Neo4j or Aura; leave it unset to run a local one. */
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/.+/, "must be a neo4j:// or bolt:// URI")
    .optional(),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  NEO4J_DATABASE: z.string().min(1).default("neo4j"),
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt.default(30_000),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt.default(15_000),
  /** Faults (docs/operations.md, "Faults and shutdown"): how long one connection attempt may take, and how long transient errors are retried. */
  NEO4J_CONNECTION_TIMEOUT_MS: positiveInt.default(3_000),
  NEO4J_RETRY_TIMEOUT_MS: z.coerce.number().int().min(0).default(2_000),

  /** Local Neo4j (only used when NEO4J_URI is unset). */
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_DATA_DIR: z.string().min(1).default(path.join(projectRoot, ".neo4j")),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i, "must look like 512m or 1g")
    .default("512m"),
  NEO4J_PAGE_CACHE: z
    .string()
    .regex(/^\d+[mg]$/i, "must look like 256m or 1g")
    .default("256m"),
  NEO4J_START_TIMEOUT_MS: positiveInt.default(120_000),

  SEED_ON_START: flag.default(true),
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are closed. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),

  /** GraphQL Playground at /graphql in a browser. Unset: on, except in production. */
  PLAYGROUND: flag.optional(),
  /** Origins whose pages may call the API (CORS), comma-separated; "none" for none. Default: the web app's Vite dev server. */
  CORS_ORIGINS: z
    .string()
    .default(`http://localhost:${viteDevPort},http://127.0.0.1:${viteDevPort}`)
    .transform((list) =>
      list.trim() === "none"
        ? []
        : list
            .split(",")
            .map((origin) => origin.trim())
            .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/]+$/, "must be origins like http://localhost:5173 (scheme and host, no path), comma-separated"))),

  /** Who may write (and read, with READS_REQUIRE_AUTH): `name:read|write:<sha256 hex of the key>`, comma-separated. */
  API_KEYS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(API_KEY_ENTRY, "must be name:read|write:<64 hex digits of the key's SHA-256>, comma-separated")))
    .transform((entries) => entries.map(parseApiKey)),
  /** HS256 secret for JWT bearer tokens; unset: JWTs are refused. */
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Queries need a token with read permission too (writes always need write permission). */
  READS_REQUIRE_AUTH: flag.default(false),

  /** Limits on each operation, checked before it runs (src/limits/). */
  MAX_QUERY_DEPTH: positiveInt.default(10),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(0).default(30),
  MAX_QUERY_SELECTIONS: positiveInt.default(1_000),
  MAX_QUERY_COST: positiveInt.default(25_000),
  /** Parsing stops past this many tokens: a huge document costs no more than a small one to refuse. */
  MAX_QUERY_TOKENS: positiveInt.default(2_000),
  MAX_LIST_ARGUMENT_LENGTH: positiveInt.default(100),
  /** Requests per minute per client (API key, JWT subject or IP) and the burst allowed; 0 turns rate limiting off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_BURST: positiveInt.default(60),
  /** Whom to believe about the client IP behind a proxy (rate limits): false, true, a hop count, or addresses/subnets of trusted proxies, as Fastify's `trustProxy` (proxy-addr). */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value): boolean | number | string => (value === "true" ? true : value === "false" ? false : /^\d+$/.test(value) ? Number(value) : value)),
  /** automatic: APQ, plus the web app's operations by hash; allowlist: only the web app's operations run. */
  PERSISTED_QUERIES: z.enum(["automatic", "allowlist"]).default("automatic"),
  /** Schema introspection. Unset: on, except in production. */
  INTROSPECTION: flag.optional(),
  /** Apollo Server's CSRF prevention: GETs and non-JSON POSTs need a preflight-forcing header. */
  CSRF_PREVENTION: flag.default(true),

  /** What one HTTP client can hold (src/http/httpServer.ts): time to send a request's headers, and the whole request; idle keep-alive time; open connections. */
  HTTP_HEADERS_TIMEOUT_MS: positiveInt.default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(5_000),
  HTTP_MAX_CONNECTIONS: positiveInt.default(1_000),

  /** Subscriptions over WebSocket (docs/subscriptions.md): at most this many at once on one connection; more are refused with TOO_MANY_SUBSCRIPTIONS. */
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: positiveInt.default(20),
  /** Open WebSocket connections per client (API key, JWT subject or IP); one more is closed with 1013 (try again later). */
  WS_MAX_CONNECTIONS_PER_CLIENT: positiveInt.default(10),
  /** How often the server pings each WebSocket; a client that has not answered by the next ping is dropped. */
  WS_KEEP_ALIVE_MS: positiveInt.default(12_000),
  /** A client that leaves this many bytes of events unread is closed with 4413 (slow consumer) rather than buffered without limit. */
  WS_MAX_BUFFERED_BYTES: positiveInt.default(1024 * 1024),

  /** JWTs: the longest one may be valid (its exp after its iat, or after now without iat); longer-lived tokens are refused. */
  JWT_MAX_LIFETIME_SECONDS: positiveInt.default(86_400),

  /** Measuring and debugging aids: `extensions.cypherRoundTrips` on every answer, `/health/live?gc=1`. Unset: on, except in production. */
  DEBUG_EXTENSIONS: flag.optional(),
  /** The driver's notifications (planner warnings, deprecations): OFF, or the least severity sent. Unset: WARNING in test, OFF otherwise. */
  NEO4J_NOTIFICATIONS: z.enum(["OFF", "WARNING", "INFORMATION"]).optional(),
  /** graphql-jit for documents sent more than once (or persisted); the others run interpreted. */
  COMPILED_EXECUTION: flag.default(true),
  /** The most compiled documents kept (least recently used go first). */
  COMPILED_DOCUMENTS_MAX: positiveInt.default(200),
  /** Run the known queries (web app, Playground) before /health/ready turns ready (src/health/warmup.ts). Unset: on, except in test. */
  WARMUP_ON_START: flag.optional(),
  /**
   * Several instances (docs/operations.md, "Several instances"): a redis:// or rediss:// URL whose Redis they share rate-limit
   * buckets, persisted queries and subscription events through. Unset: each instance keeps its own.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, "must be a redis:// or rediss:// URL")
    .optional(),
  /**
   * Whole query answers kept in memory and served until a write touches what they show (docs/operations.md, "Response cache");
   * with REDIS_URL, a write on any instance is seen by every instance. Off by default: writes that bypass the API (db:reset,
   * seed:synthetic, `npm run ingest`) are not seen by a running service.
   */
  RESPONSE_CACHE: z.enum(["on", "off"]).default("off"),
  /** The most answers the response cache keeps (least recently used go first). */
  RESPONSE_CACHE_MAX_ENTRIES: positiveInt.default(10_000),
  /** GET /metrics (Prometheus text format). Unset: on, except in production. */
  METRICS_ENABLED: flag.optional(),
  /** When set, /metrics answers only requests with `Authorization: Bearer <this token>`. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Stack traces in error results (`extensions.stacktrace`); the log has them either way. Never in production. */
  STACK_TRACES_IN_RESPONSES: flag.default(false),
});

type Settings = z.infer<typeof settings>;
/** The settings with the defaults that depend on other settings filled in. */
export type Config = Omit<Settings, "PLAYGROUND" | "INTROSPECTION" | "DEBUG_EXTENSIONS" | "NEO4J_NOTIFICATIONS" | "WARMUP_ON_START" | "METRICS_ENABLED"> & {
  PLAYGROUND: boolean;
  METRICS_ENABLED: boolean;
  WARMUP_ON_START: boolean;
  INTROSPECTION: boolean;
  DEBUG_EXTENSIONS: boolean;
  NEO4J_NOTIFICATIONS: NotificationLevel;
};
export type NotificationLevel = NonNullable<Settings["NEO4J_NOTIFICATIONS"]>;

export class ConfigError extends UserFacingError {}

/** Settings whose values never appear in error messages. */
const secretSettings = new Set(["NEO4J_PASSWORD", "JWT_SECRET", "METRICS_TOKEN", "REDIS_URL"]);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = settings
    // node refuses a server whose headers may take longer than the whole request.
    .refine((s) => s.HTTP_HEADERS_TIMEOUT_MS <= s.HTTP_REQUEST_TIMEOUT_MS, {
      message: "must not be more than HTTP_REQUEST_TIMEOUT_MS",
      path: ["HTTP_HEADERS_TIMEOUT_MS"],
    })
    .safeParse(cleaned);
  if (!result.success) {
    const shown = (name: string) => (secretSettings.has(name) ? "a value, not shown" : JSON.stringify(cleaned[name]));
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message} (got ${shown(String(issue.path[0]))})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nFix the variable(s) above; .env.example lists every setting with its default.`);
  }
  const production = result.data.NODE_ENV === "production";
  const { data } = result;
  return {
    ...data,
    PLAYGROUND: data.PLAYGROUND ?? !production,
    INTROSPECTION: data.INTROSPECTION ?? !production,
    METRICS_ENABLED: data.METRICS_ENABLED ?? !production,
    DEBUG_EXTENSIONS: data.DEBUG_EXTENSIONS ?? !production,
    NEO4J_NOTIFICATIONS: data.NEO4J_NOTIFICATIONS ?? (data.NODE_ENV === "test" ? "WARNING" : "OFF"),
    WARMUP_ON_START: data.WARMUP_ON_START ?? data.NODE_ENV !== "test",
  };
}

/** The names of all settings, for the check that .env.example lists them all. */
export const settingNames = Object.keys(settings.shape);

/** "512m" → bytes. */
export function parseSize(size: string): number {
  const unit = size.slice(-1).toLowerCase() === "g" ? 1024 ** 3 : 1024 ** 2;
  return Number.parseInt(size, 10) * unit;
}
