/**
 * The one door to Neo4j. Every query goes through `read` or `write`: a session per
 * operation, a managed transaction (so the driver retries transient errors and routes
 * reads to followers in a cluster), a timeout, metadata naming the query, and driver
 * errors turned into coded GraphQL errors.
 */
import { GraphQLError } from "graphql";
import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from "neo4j-driver";

export interface QueryStats {
  /** Cypher statements sent to the database: the unit of the no-N+1 bound. */
  roundTrips: number;
}

export interface ExecutorOptions {
  database: string;
  queryTimeoutMs: number;
}

export class Neo4jExecutor {
  constructor(
    readonly driver: Driver,
    private readonly options: ExecutorOptions,
    /** Counts the statements of one GraphQL request (the context gives each request its own executor view). */
    private readonly stats: QueryStats = { roundTrips: 0 },
  ) {}

  /** A view over the same driver that counts into `stats`: one per GraphQL request. */
  withStats(stats: QueryStats): Neo4jExecutor {
    return new Neo4jExecutor(this.driver, this.options, stats);
  }

  get roundTrips(): number {
    return this.stats.roundTrips;
  }

  /** Runs one read query and returns its records as plain objects. `name` shows up in the transaction metadata. */
  async read<T extends RecordShape>(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.transaction("READ", name, (tx) => this.run<T>(tx, cypher, params));
  }

  /** Runs one write query in its own transaction. */
  async write<T extends RecordShape>(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.transaction("WRITE", name, (tx) => this.run<T>(tx, cypher, params));
  }

  /** Several statements in one write transaction: all of them or none. */
  async writeTransaction<R>(name: string, work: (run: <T extends RecordShape>(cypher: string, params?: Record<string, unknown>) => Promise<T[]>) => Promise<R>): Promise<R> {
    return this.transaction("WRITE", name, (tx) => work((cypher, params = {}) => this.run(tx, cypher, params)));
  }

  private async run<T extends RecordShape>(tx: ManagedTransaction, cypher: string, params: Record<string, unknown>): Promise<T[]> {
    this.stats.roundTrips += 1;
    const result = await tx.run<T>(cypher, params);
    return result.records.map((record) => record.toObject());
  }

  private async transaction<R>(mode: "READ" | "WRITE", name: string, work: (tx: ManagedTransaction) => Promise<R>): Promise<R> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: this.options.queryTimeoutMs, metadata: { app: "meetgraph", query: name } };
    try {
      return mode === "READ" ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw toGraphQLError(error);
    } finally {
      await session.close();
    }
  }
}

const unavailableCodes = new Set(["ServiceUnavailable", "SessionExpired"]);

/** Driver errors → errors a client can act on, with a stable `extensions.code`. */
export function toGraphQLError(error: unknown): unknown {
  if (error instanceof GraphQLError || !(error instanceof Error)) return error;
  const code = (error as { code?: string }).code ?? "";
  if (unavailableCodes.has(code) || /connect|ECONNREFUSED|routing table/i.test(error.message)) {
    return new GraphQLError("The database is unavailable; try again shortly.", {
      extensions: { code: "SERVICE_UNAVAILABLE" },
      originalError: error,
    });
  }
  if (code === "Neo.ClientError.Transaction.TransactionTimedOut" || code.includes("TransactionTimedOut")) {
    return new GraphQLError("The query took too long and was stopped; narrow it (smaller page, fewer hops).", {
      extensions: { code: "QUERY_TIMEOUT" },
      originalError: error,
    });
  }
  return error;
}
