/**
 * Which Neo4j to talk to (the user's, or a local one we start) and a driver that is
 * known to reach it, with a message that says what to check when it does not.
 */
import { setTimeout as sleep } from "node:timers/promises";
import neo4j, { type Driver } from "neo4j-driver";
import type { Config, NotificationLevel } from "../config.js";
import { UserFacingError } from "../script.js";
import { localPassword, startLocalNeo4j, type LocalNeo4jHandle } from "./localNeo4j.js";

export class DatabaseConnectError extends UserFacingError {}

export interface DatabaseTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Present when the project runs the server itself. */
  local?: LocalNeo4jHandle;
}

/** NEO4J_URI when set (nothing local is started); otherwise the local server, started if needed. */
export async function resolveDatabase(config: Config, progress: (message: string) => void): Promise<DatabaseTarget> {
  if (config.NEO4J_URI) {
    if (!config.NEO4J_PASSWORD) throw new DatabaseConnectError("NEO4J_URI is set but NEO4J_PASSWORD is not: set the password of your Neo4j user.");
    return { uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE };
  }
  const password = localPassword(config.NEO4J_DATA_DIR, config.NEO4J_PASSWORD, progress);
  const local = await startLocalNeo4j({
    dataDir: config.NEO4J_DATA_DIR,
    boltPort: config.NEO4J_BOLT_PORT,
    password,
    heap: config.NEO4J_HEAP,
    pageCache: config.NEO4J_PAGE_CACHE,
    startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
    progress,
  });
  return { uri: local.uri, user: "neo4j", password, database: "neo4j", local };
}

/** How quickly the driver gives up on a database that is not there (docs/operations.md, "Faults and shutdown"). */
export interface DriverTimeouts {
  /** One connection attempt (TCP, TLS, Bolt handshake, authentication). */
  connectionTimeoutMs: number;
  /** How long an operation is retried after a transient error (a lost connection, a deadlock, a leader switch). */
  retryTimeoutMs: number;
}

/** The settings' defaults (config.ts), for callers without a Config (tests, benchmark servers). */
export const defaultDriverTimeouts: DriverTimeouts = { connectionTimeoutMs: 3_000, retryTimeoutMs: 2_000 };

export const driverTimeouts = (config: Pick<Config, "NEO4J_CONNECTION_TIMEOUT_MS" | "NEO4J_RETRY_TIMEOUT_MS">): DriverTimeouts => ({
  connectionTimeoutMs: config.NEO4J_CONNECTION_TIMEOUT_MS,
  retryTimeoutMs: config.NEO4J_RETRY_TIMEOUT_MS,
});

/**
 * The driver's defaults (60 s to acquire a connection, 30 s of retries) would hold a request for
 * a minute when the database is gone; these make it answer SERVICE_UNAVAILABLE within seconds.
 * The driver backs off 1 s, 2 s, 4 s... between attempts and starts no new one after
 * `retryTimeoutMs`: with the defaults, three attempts and an answer after 2.4 to 3.6 s.
 *
 * `notifications` (NEO4J_NOTIFICATIONS): the server sends its planner's notifications with every
 * answer, 2.7 KB of them with each search on the synthetic graph, so production turns them off;
 * the tests keep them, so that a deprecated construct fails the suite (`notificationChannel` in src/db/executor.ts).
 * The default is the test setting, for the callers without a Config.
 */
export function createDriver(
  target: Pick<DatabaseTarget, "uri" | "user" | "password">,
  timeouts: DriverTimeouts = defaultDriverTimeouts,
  notifications: NotificationLevel = "WARNING",
): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    disableLosslessIntegers: true,
    connectionTimeout: timeouts.connectionTimeoutMs,
    // Waiting for a free pooled connection (all 100 busy) or for a new one: past this, the database is overloaded or gone.
    connectionAcquisitionTimeout: 2 * timeouts.connectionTimeoutMs,
    maxTransactionRetryTime: timeouts.retryTimeoutMs,
    maxConnectionPoolSize: 100,
    userAgent: "meetgraph",
    notificationFilter: { minimumSeverityLevel: notifications },
  });
}

/** Retries until the database answers or `timeoutMs` passes; wrong credentials fail at once. */
export async function waitForDatabase(driver: Driver, target: DatabaseTarget, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await driver.verifyConnectivity({ database: target.database });
      return;
    } catch (error) {
      lastError = error;
      const code = (error as { code?: string }).code ?? "";
      if (code.startsWith("Neo.ClientError.Security")) {
        throw new DatabaseConnectError(
          `Neo4j at ${target.uri} refused the credentials for user "${target.user}" (${code}). Check NEO4J_USER and NEO4J_PASSWORD.`,
        );
      }
      if (code.startsWith("Neo.ClientError.Database.DatabaseNotFound")) {
        throw new DatabaseConnectError(`Neo4j at ${target.uri} has no database "${target.database}". Check NEO4J_DATABASE.`);
      }
      await sleep(Math.min(1_000, Math.max(0, deadline - Date.now())));
    }
  }
  const reason = lastError instanceof Error ? lastError.message.split("\n")[0] : String(lastError);
  throw new DatabaseConnectError(
    `Could not reach Neo4j at ${target.uri} within ${Math.round(timeoutMs / 1000)} s: ${reason}\n` +
      "Check that the host and port in NEO4J_URI are right and reachable from here, that the server is running, " +
      "and for Aura that the URI starts with neo4j+s://. Unset NEO4J_URI to run a local Neo4j instead.",
  );
}
