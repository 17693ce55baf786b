/**
 * Issue 8, faults: which driver failures a client sees as SERVICE_UNAVAILABLE ("try again
 * shortly"). The outage tests produce the common ones for real; this pins down the rest,
 * which a single local Neo4j cannot produce on demand (a cluster's expired session, a pool
 * exhausted under load, the driver closed during shutdown).
 */
import { GraphQLError } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toGraphQLError } from "../src/db/executor.js";

const driverError = (message: string, code = "N/A") => new Neo4jError(message, code, "50N42", "error");
const codeOf = (error: unknown) => (error instanceof GraphQLError ? error.extensions.code : "unmapped");

describe("a driver failure, as the client sees it", () => {
  it.each([
    ["no connection could be made", driverError("Failed to connect to server.", "ServiceUnavailable")],
    ["a cluster member went away mid-transaction", driverError("Session expired", "SessionExpired")],
    ["the database is starting or stopping", driverError("The database is not currently available", "Neo.TransientError.General.DatabaseUnavailable")],
    [
      "every pooled connection busy for too long",
      driverError("Connection acquisition timed out in 6000 ms. Pool status: Active conn count = 100, Idle conn count = 0."),
    ],
    ["the driver closed during shutdown", driverError("Pool is closed, it is no more able to serve requests.")],
    ["a socket error", new Error("connect ECONNREFUSED 127.0.0.1:7687")],
  ])("%s: SERVICE_UNAVAILABLE", (_what, error) => {
    const mapped = toGraphQLError(error);
    expect(codeOf(mapped)).toBe("SERVICE_UNAVAILABLE");
    expect((mapped as GraphQLError).message).toBe("The database is unavailable; try again shortly.");
  });

  it("a transaction stopped by its timeout: QUERY_TIMEOUT", () => {
    expect(codeOf(toGraphQLError(driverError("timed out", "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration")))).toBe("QUERY_TIMEOUT");
  });

  it.each([
    ["a deadlock that kept recurring through the retries", "Neo.TransientError.Transaction.DeadlockDetected"],
    ["a lock wait that outlasted the transaction timeout (Neo4j 5)", "Neo.ClientError.Transaction.LockClientStopped"],
    ["a lock wait that outlasted the transaction timeout (earlier spelling)", "Neo.TransientError.Transaction.LockClientStopped"],
    ["a lock wait past the server's lock acquisition timeout", "Neo.TransientError.Transaction.LockAcquisitionTimeout"],
  ])("%s: WRITE_CONFLICT, which the client may retry", (_what, code) => {
    const mapped = toGraphQLError(driverError("lock", code)) as GraphQLError;
    expect(mapped.extensions).toEqual({ code: "WRITE_CONFLICT", retryable: true });
    expect(mapped.message).toMatch(/the client may retry/);
  });

  it("a server error that merely mentions a connection (it can quote the query) is not an outage", () => {
    const error = driverError("Variable `connectionPath` not defined (line 1, column 8)", "Neo.ClientError.Statement.SyntaxError");
    expect(toGraphQLError(error)).toBe(error);
  });

  it("a transaction terminated on purpose is not an outage", () => {
    const error = driverError("The transaction has been terminated.", "Neo.TransientError.Transaction.Terminated");
    expect(toGraphQLError(error)).toBe(error);
  });
});
