/**
 * The service as a client sees it: a real HTTP server on a free port, in this test
 * process, talking to the suite's Neo4j.
 */
import { afterAll, beforeAll, inject } from "vitest";
import { createDriver } from "../../src/db/connect.js";
import { Neo4jExecutor, type ExecutorOptions } from "../../src/db/executor.js";
import { createLogger } from "../../src/logger.js";
import { createServer, type ServerDeps } from "../../src/server.js";

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: { cypherRoundTrips?: number };
}

export interface TestApi {
  url: string;
  db: Neo4jExecutor;
  server: Awaited<ReturnType<typeof createServer>>;
  /** `token`, when given, is sent as `Authorization: Bearer <token>`. */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
}

/**
 * Call at the top of a test file (or a describe block): starts the API before its tests and
 * stops it after. `config` overrides the test settings (NODE_ENV "test", no rate limit, defaults
 * otherwise); `executor` the database timeouts (a 30 s query timeout otherwise).
 */
export function useApi(config: Partial<ServerDeps["config"]> = {}, executor: Partial<Omit<ExecutorOptions, "database">> = {}): TestApi {
  const api = {} as TestApi;
  let stop = async () => {};
  beforeAll(async () => {
    const target = inject("neo4j");
    const driver = createDriver(target);
    const db = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 30_000, ...executor });
    // Stopping waits for idle keep-alive connections to time out (src/http/drain.ts): a short timeout keeps teardown short.
    // A test file is one client sending its requests as fast as the machine allows, so the
    // per-client limit would fail it on a fast run only; the limiter's own tests set theirs.
    const server = await createServer({
      config: { NODE_ENV: "test", HTTP_KEEP_ALIVE_TIMEOUT_MS: 1_000, RATE_LIMIT_PER_MINUTE: 0, ...config },
      db,
      logger: createLogger("silent"),
    });
    const port = await server.listen(0, "127.0.0.1");
    api.url = `http://127.0.0.1:${port}/graphql`;
    api.db = db;
    api.server = server;
    api.query = async (query, variables, token) => {
      const response = await fetch(api.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    };
    stop = async () => {
      await server.stop();
      await driver.close();
    };
  });
  afterAll(() => stop());
  return api;
}
