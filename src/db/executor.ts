/**
 * The one door to Neo4j. Every query goes through `read` or `write`: a session per
 * operation in the right access mode (so a cluster routes reads to followers), retries of
 * transient errors, a timeout, metadata naming the query, and driver errors turned into coded
 * GraphQL errors.
 */
import { channel } from "node:diagnostics_channel";
import { setTimeout as sleep } from "node:timers/promises";
import { GraphQLError } from "graphql";
import neo4j, { type BookmarkManager, type Driver, type GqlStatusObject, type RecordShape, type Result, type Session } from "neo4j-driver";
import { defaultDriverTimeouts } from "./connect.js";

/** What the notification channel carries: one notification (a warning, a deprecation) the database gave a statement. */
export interface StatementNotification {
  /** The statement's name, as in its transaction metadata. */
  query: string;
  notification: GqlStatusObject;
}

/**
 * The database's notifications about the statements sent (NEO4J_NOTIFICATIONS decides which it
 * sends), for whoever subscribes: the test suite fails on deprecations (tests/support/notifications.ts).
 * A channel rather than a logger: without a subscriber, publishing costs nothing.
 */
export const notificationChannel = channel("meetgraph:neo4j-notification");

/**
 * Runs one Cypher statement, inside the caller's transaction, and answers its records as plain
 * objects: what a multi-statement write (`writeTransaction`) gives its work, and what every writer
 * of the graph takes.
 */
export type RunStatement = <T extends RecordShape = RecordShape>(cypher: string, params?: Record<string, unknown>) => Promise<T[]>;

export interface QueryStats {
  /** Cypher statements sent to the database: the unit of the no-N+1 bound. */
  roundTrips: number;
}

export interface ExecutorOptions {
  database: string;
  /** The server stops each transaction after this long (QUERY_TIMEOUT). */
  queryTimeoutMs: number;
  /**
   * The client's own limit for one operation, retries included; default: the query timeout plus
   * 10 s. It matters only when the server cannot enforce its timeout (a hung or unreachable host
   * whose connections stay open): then the request answers SERVICE_UNAVAILABLE instead of hanging.
   */
  deadlineMs?: number;
  /**
   * How long a read is retried after a transient error (NEO4J_RETRY_TIMEOUT_MS); the driver's
   * `maxTransactionRetryTime` does the same for writes. Default: the driver's default here.
   */
  retryTimeoutMs?: number;
}

export class Neo4jExecutor {
  /**
   * Causal consistency within a view: each transaction waits until the database has what earlier
   * ones of this view committed. In a cluster a read may go to a follower, and a mutation reads
   * back what it wrote; without the bookmarks that read could miss the write. Created by the
   * view's first write: a read sent with a bookmark manager costs the driver about 0.25 ms more,
   * and before any write there is nothing to wait for.
   */
  private bookmarks: BookmarkManager | undefined;

  constructor(
    readonly driver: Driver,
    private readonly options: ExecutorOptions,
    /** Counts the statements of one GraphQL request (the context gives each request its own executor view). */
    private readonly stats: QueryStats = { roundTrips: 0 },
    /** The HTTP request's id (src/http/requestId.ts), in every transaction's metadata: Neo4j's view of a request matches the log's. */
    private readonly requestId?: string,
  ) {}

  /** A view over the same driver that counts into `stats`, with bookmarks of its own: one per GraphQL request. */
  withStats(stats: QueryStats): Neo4jExecutor {
    return new Neo4jExecutor(this.driver, this.options, stats, this.requestId);
  }

  /** A view whose transactions carry `requestId` in their metadata (the context then gives it its own stats). */
  forRequest(requestId: string | undefined): Neo4jExecutor {
    return requestId === undefined ? this : new Neo4jExecutor(this.driver, this.options, this.stats, requestId);
  }

  /** The database every query goes to. */
  get database(): string {
    return this.options.database;
  }

  get roundTrips(): number {
    return this.stats.roundTrips;
  }

  /**
   * Runs one read query and returns its records as plain objects. `name` shows up in the transaction metadata.
   *
   * A single statement is atomic on its own, so reads run as auto-commit transactions: one
   * round trip to Neo4j (RUN and PULL) where a managed transaction takes two (BEGIN, RUN and
   * PULL, then COMMIT), and about half the driver's CPU per query. The driver retries only
   * managed transactions, so `retrying` does for reads what it does for writes.
   */
  async read<T extends RecordShape>(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.inSession("READ", (session) => this.retrying(() => this.records(name, () => session.run<T>(cypher, params, this.transactionConfig(name)))));
  }

  /** Runs one write query in its own transaction. */
  async write<T extends RecordShape>(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.writeTransaction(name, (run) => run<T>(cypher, params));
  }

  /** Several statements in one write transaction: all of them or none. */
  async writeTransaction<R>(name: string, work: (run: RunStatement) => Promise<R>): Promise<R> {
    return this.inSession("WRITE", (session) =>
      session.executeWrite((tx) => work((cypher, params = {}) => this.records(name, () => tx.run(cypher, params))), this.transactionConfig(name)),
    );
  }

  /**
   * Sends one statement, counts it, and turns its records into plain objects.
   *
   * The driver captures and formats the sender's stack for every statement, to give the
   * statement's error should it fail, and has no option to skip it. Statements are sent without
   * it (docs/decisions/0005-driver-stack-capture.md); a failed one's error names the query
   * instead (`query`, which the log shows).
   */
  private async records<T extends RecordShape>(name: string, send: () => Result<T>): Promise<T[]> {
    this.stats.roundTrips += 1;
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let running: Result<T>;
    try {
      running = send();
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    try {
      const result = await running;
      if (notificationChannel.hasSubscribers) this.publishNotifications(name, result.summary.gqlStatusObjects);
      return result.records.map((record) => record.toObject());
    } catch (error) {
      if (error instanceof Error) Object.assign(error, { query: name });
      throw error;
    }
  }

  private publishNotifications(query: string, statuses: GqlStatusObject[]): void {
    for (const notification of statuses) {
      if (notification.isNotification) notificationChannel.publish({ query, notification } satisfies StatementNotification);
    }
  }

  private transactionConfig(name: string) {
    const metadata = this.requestId === undefined ? { app: "meetgraph", query: name } : { app: "meetgraph", query: name, requestId: this.requestId };
    return { timeout: this.options.queryTimeoutMs, metadata };
  }

  /** The driver's schedule for managed transactions: attempts 1 s, 2 s, 4 s… apart (±20 %), none started after the retry time. */
  private async retrying<R>(attempt: () => Promise<R>): Promise<R> {
    const started = Date.now();
    const retryTimeoutMs = this.options.retryTimeoutMs ?? defaultDriverTimeouts.retryTimeoutMs;
    for (let delayMs = 1_000; ; delayMs *= 2) {
      try {
        return await attempt();
      } catch (error) {
        if (!neo4j.isRetryableError(error) || Date.now() - started > retryTimeoutMs) throw error;
        await sleep(delayMs * (0.8 + 0.4 * Math.random()));
      }
    }
  }

  /** A session for one operation, closed afterwards, with the client-side deadline around all of it. */
  private async inSession<R>(mode: "READ" | "WRITE", operation: (session: Session) => Promise<R>): Promise<R> {
    if (mode === "WRITE") this.bookmarks ??= neo4j.bookmarkManager();
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    const deadlineMs = this.options.deadlineMs ?? this.options.queryTimeoutMs + 10_000;
    const running = operation(session);
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new DeadlineExceeded(deadlineMs));
      }, deadlineMs);
    });
    try {
      return await Promise.race([running, deadline]);
    } catch (error) {
      throw toGraphQLError(error);
    } finally {
      clearTimeout(timer);
      if (timedOut) {
        // The session may never answer: close it in the background, and let its late outcome go.
        running.catch(() => {});
        session.close().catch(() => {});
      } else {
        await session.close();
      }
    }
  }
}

/** The client-side limit of one operation passed: the database did not answer at all. */
class DeadlineExceeded extends Error {
  readonly code = "MeetgraphDeadlineExceeded";
  constructor(ms: number) {
    super(`The database did not answer within ${ms} ms.`);
  }
}

const unavailableCodes = new Set([
  "ServiceUnavailable", // no connection could be made, or it broke (the driver retried for NEO4J_RETRY_TIMEOUT_MS)
  "SessionExpired", // a cluster member went away mid-transaction
  "Neo.TransientError.General.DatabaseUnavailable", // the server is starting or stopping
  "MeetgraphDeadlineExceeded",
]);

/**
 * A write that waited for another transaction's locks: until its own timeout ran out (5.x says
 * LockClientStopped, as a client error), or into a deadlock that kept recurring through the
 * driver's retries. Nothing was written and the mutations are idempotent, so the client may send it
 * again. It is not retried here: the wait has already used the whole transaction timeout.
 */
const lockWaitCodes = new Set([
  "Neo.ClientError.Transaction.LockClientStopped",
  "Neo.TransientError.Transaction.LockClientStopped",
  "Neo.TransientError.Transaction.DeadlockDetected",
  "Neo.TransientError.Transaction.LockAcquisitionTimeout",
]);

/** Stopped on purpose (by an administrator): neither an outage nor anything a retry would change. */
const terminatedCodes = new Set(["Neo.TransientError.Transaction.Terminated"]);

/** Errors the driver raises without a server code when it cannot get a connection. */
const unavailableMessages =
  /^(Pool is closed|Connection acquisition timed out|Failed to connect|Could not perform discovery|.*routing table)|ECONNREFUSED|ECONNRESET/i;

/** Driver errors → errors a client can act on, with a stable `extensions.code`. */
export function toGraphQLError(error: unknown): unknown {
  if (error instanceof GraphQLError || !(error instanceof Error)) return error;
  const code = (error as { code?: string }).code ?? "";
  if (code.includes("TransactionTimedOut")) {
    return new GraphQLError("The query took too long and was stopped; narrow it (smaller page, fewer hops).", {
      extensions: { code: "QUERY_TIMEOUT" },
      originalError: error,
    });
  }
  if (lockWaitCodes.has(code)) {
    return new GraphQLError(
      "The write waited too long for objects another write held (or ran past the transaction timeout), so nothing was written; the client may retry the mutation.",
      {
        extensions: { code: "WRITE_CONFLICT", retryable: true },
        originalError: error,
      },
    );
  }
  // A server error's message can quote the query, so the message test is only for the driver's own errors (no server code).
  const fromServer = code.startsWith("Neo.");
  // Transient errors left after the driver's retries (a server short of memory, a leader switch) also mean
  // "try again"; a transaction terminated on purpose does not.
  const transient = code.startsWith("Neo.TransientError.") && !terminatedCodes.has(code);
  if (unavailableCodes.has(code) || transient || (!fromServer && unavailableMessages.test(error.message))) {
    return new GraphQLError("The database is unavailable; try again shortly.", {
      extensions: { code: "SERVICE_UNAVAILABLE" },
      originalError: error,
    });
  }
  return error;
}
