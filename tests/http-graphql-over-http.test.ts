/**
 * The HTTP side (issue 8): GraphQL over HTTP media types and status codes, GET for queries
 * only, CSRF prevention, introspection per environment, and production errors that show no
 * internals and no stack traces.
 */
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { createLogger } from "../src/logger.js";
import { createServer, type ServerDeps } from "../src/server.js";
import { useApi } from "./support/api.js";

const GRAPHQL_RESPONSE = "application/graphql-response+json";

interface Answer {
  status: number;
  type: string;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } | null;
}

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: Answer["body"] = null;
  try {
    body = JSON.parse(text) as Answer["body"];
  } catch {
    // left null: the assertions say what was expected
  }
  return { status: response.status, type: response.headers.get("content-type") ?? "", headers: response.headers, text, body };
}

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(payload) });

const getQuery = (url: string, query: string, headers: Record<string, string> = {}) =>
  send(`${url}?${new URLSearchParams({ query })}`, { headers: { "apollo-require-preflight": "true", ...headers } });

const codeOf = (answer: Answer) => answer.body?.errors?.[0]?.extensions?.code;

describe("GraphQL over HTTP, with the default settings", () => {
  const api = useApi();

  it("answers a POST in the media type the client accepts", async () => {
    const modern = await post(api.url, { query: "{ health { database } }" }, { accept: `${GRAPHQL_RESPONSE}, application/json;q=0.9` });
    expect(modern.status).toBe(200);
    expect(modern.type).toContain(GRAPHQL_RESPONSE);
    expect(modern.body?.data).toEqual({ health: { database: true } });

    const legacy = await post(api.url, { query: "{ health { database } }" }, { accept: "application/json" });
    expect(legacy.type).toContain("application/json");
    const noAccept = await post(api.url, { query: "{ health { database } }" });
    expect(noAccept.type).toContain("application/json");

    const unacceptable = await post(api.url, { query: "{ health { database } }" }, { accept: "text/csv" });
    expect(unacceptable.status).toBe(406);
  });

  it("runs queries over GET, and refuses mutations over GET with 405 and Allow: POST", async () => {
    const query = await getQuery(api.url, '{ person(id: "steve-witkoff") { name } }', { accept: GRAPHQL_RESPONSE });
    expect(query.status).toBe(200);
    expect(query.body?.data).toEqual({ person: { name: "Steve Witkoff" } });

    const mutation = await getQuery(api.url, 'mutation { retractClaim(input: {claimId: "x", reason: "y"}) { errors { code } } }');
    expect(mutation.status).toBe(405);
    expect(mutation.headers.get("allow")).toBe("POST");
    expect(mutation.body?.errors?.[0]?.message).toMatch(/GET requests only support query operations/);
  });

  it("runs the operation the client names, of several in one document", async () => {
    const query = `query Envoy($id: ID!) { person(id: $id) { name } } query President { person(id: "vladimir-putin") { name } }`;
    for (const [operationName, name] of [
      ["Envoy", "Steve Witkoff"],
      ["President", "Vladimir Putin"],
    ]) {
      const answer = await post(api.url, { query, operationName, variables: { id: "steve-witkoff" } });
      expect(answer.body?.data).toEqual({ person: { name } });
    }
  });

  it("answers request errors with 4xx: no query, a syntax error, an invalid query, bad variables, an unknown operation, a wrong method", async () => {
    const missing = await post(api.url, { variables: {} }, { accept: GRAPHQL_RESPONSE });
    expect(missing.status).toBe(400);
    expect(codeOf(missing)).toBe("BAD_REQUEST");

    const syntax = await post(api.url, { query: "{ person(id: " }, { accept: GRAPHQL_RESPONSE });
    expect(syntax.status).toBe(400);
    expect(codeOf(syntax)).toBe("GRAPHQL_PARSE_FAILED");

    const invalid = await post(api.url, { query: "{ nosuchfield }" }, { accept: GRAPHQL_RESPONSE });
    expect(invalid.status).toBe(400);
    expect(codeOf(invalid)).toBe("GRAPHQL_VALIDATION_FAILED");

    const badVariables = await post(
      api.url,
      { query: "query ($id: ID!) { person(id: $id) { name } }", variables: { id: { not: "an id" } } },
      { accept: GRAPHQL_RESPONSE },
    );
    expect(badVariables.status).toBe(400);
    expect(codeOf(badVariables)).toBe("BAD_USER_INPUT");

    const unknownOperation = await post(api.url, { query: "query Envoy { __typename }", operationName: "Nope" }, { accept: GRAPHQL_RESPONSE });
    expect(unknownOperation.status).toBe(400);
    expect(codeOf(unknownOperation)).toBe("OPERATION_RESOLUTION_FAILURE");

    const put = await send(api.url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
  });

  it("answers a client that accepts only application/json 200 for a document that does not parse or validate, or variables that do not fit, as the specification recommends for that media type", async () => {
    const legacy = { accept: "application/json" };
    const answers = [
      await post(api.url, { query: "{ person(id: " }, legacy),
      await post(api.url, { query: "{ nosuchfield }" }, legacy),
      await post(api.url, { query: "query ($id: ID!) { person(id: $id) { name } }", variables: { id: { not: "an id" } } }, legacy),
    ];
    expect(answers.map((answer) => [answer.status, answer.type.split(";")[0], codeOf(answer), answer.body?.data])).toEqual([
      [200, "application/json", "GRAPHQL_PARSE_FAILED", undefined],
      [200, "application/json", "GRAPHQL_VALIDATION_FAILED", undefined],
      [200, "application/json", "BAD_USER_INPUT", undefined],
    ]);

    // What is wrong with the request itself keeps its status in either media type.
    expect((await post(api.url, { variables: {} }, legacy)).status).toBe(400);
  });

  it("answers a body it cannot read with a GraphQL error and a 4xx, never an HTML page or a 500", async () => {
    const malformed = await send(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query": "{ __typename }"' });
    expect(malformed.status).toBe(400);
    expect(malformed.type).toContain("application/json");
    expect(malformed.body?.errors?.[0]).toEqual({ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } });

    const tooLarge = await post(api.url, { query: "{ __typename }", variables: { padding: "x".repeat(1_100_000) } });
    expect(tooLarge.status).toBe(413);
    expect(codeOf(tooLarge)).toBe("BAD_REQUEST");

    const notJson = await send(api.url, { method: "POST", headers: { "content-type": "application/graphql" }, body: "{ __typename }" });
    expect(notJson.status).toBe(415);
    expect(codeOf(notJson)).toBe("UNSUPPORTED_MEDIA_TYPE");

    const empty = await send(api.url, { method: "POST", headers: { "content-type": "application/json" } });
    expect(empty.status).toBe(400);
    expect(codeOf(empty)).toBe("BAD_REQUEST");
  });

  it("reads JSON bodies however they are sent: with a byte order mark, in UTF-16, gzip-compressed; refuses other charsets with 415 and bytes that are not text in theirs with 400", async () => {
    const query = JSON.stringify({ query: "{ __typename }" });
    const sent = (body: Uint8Array | string, headers: Record<string, string>) =>
      send(api.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const answers = [
      await sent(`\uFEFF${query}`, { "content-type": "application/json; charset=UTF-8" }),
      await sent(new Uint8Array(Buffer.from(`\uFEFF${query}`, "utf16le")), { "content-type": "application/json; charset=utf-16" }),
      await sent(new Uint8Array(gzipSync(query)), { "content-encoding": "gzip" }),
    ];
    for (const answer of answers) expect([answer.status, answer.body?.data]).toEqual([200, { __typename: "Query" }]);

    const latin1 = await sent(query, { "content-type": "application/json; charset=latin1" });
    expect(latin1.status).toBe(415);
    expect(codeOf(latin1)).toBe("BAD_REQUEST");
    const notUtf8 = await sent(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { "content-type": "application/json; charset=utf-8" });
    expect([notUtf8.status, codeOf(notUtf8), notUtf8.body?.errors?.[0]?.message]).toEqual([400, "BAD_REQUEST", "The request body could not be read."]);
    const notAnObject = await sent('"{ __typename }"', {});
    expect([notAnObject.status, notAnObject.body?.errors?.[0]?.message]).toEqual([400, "The request body is not valid JSON."]);
  });

  it("prevents CSRF: a GET without a preflight-forcing header and a form-encoded POST are refused before anything runs", async () => {
    const simpleGet = await send(`${api.url}?${new URLSearchParams({ query: "{ health { database } }" })}`);
    expect(simpleGet.status).toBe(400);
    expect(simpleGet.body?.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    expect(simpleGet.body?.data).toBeUndefined();

    const form = await send(api.url, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    expect(form.body?.data).toBeUndefined();
  });

  it("allows introspection outside production, with suggestions for mistyped fields", async () => {
    const schema = await post(api.url, { query: "{ __schema { queryType { name } } }" });
    expect(schema.body?.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const typo = await post(api.url, { query: "{ peple { totalCount } }" });
    expect(typo.body?.errors?.[0]?.message).toMatch(/Did you mean "people"/);
  });
});

describe("with CSRF_PREVENTION=false", () => {
  const api = useApi({ CSRF_PREVENTION: false });

  it("runs a plain GET query", async () => {
    const simpleGet = await send(`${api.url}?${new URLSearchParams({ query: "{ health { database } }" })}`);
    expect(simpleGet.status).toBe(200);
    expect(simpleGet.body?.data).toEqual({ health: { database: true } });
  });
});

/** A server on its own executor: `database` may name a database that does not exist, to provoke an internal error from Neo4j. */
function useServer(config: ServerDeps["config"], database?: string): { url: string } {
  const server = { url: "" };
  let stop = async () => {};
  beforeAll(async () => {
    const target = inject("neo4j");
    const driver = createDriver(target);
    const db = new Neo4jExecutor(driver, { database: database ?? target.database, queryTimeoutMs: 30_000 });
    const running = await createServer({ config, db, logger: createLogger("silent") });
    server.url = `http://127.0.0.1:${await running.listen(0, "127.0.0.1")}/graphql`;
    stop = async () => {
      await running.stop();
      await driver.close();
    };
  });
  afterAll(() => stop());
  return server;
}

describe("in production", () => {
  const missingDatabase = "meetgraph-no-such-database";
  const production = useServer({ NODE_ENV: "production" }, missingDatabase);
  const development = useServer({ NODE_ENV: "development", STACK_TRACES_IN_RESPONSES: true }, missingDatabase);
  const query = { query: '{ person(id: "steve-witkoff") { name } }' };

  it("hides what an unexpected error says and carries no stack trace", async () => {
    const answer = await post(production.url, query);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body?.errors).toHaveLength(1);
    expect(answer.body?.errors?.[0]?.message).not.toContain(missingDatabase);
    expect(answer.text).not.toContain(missingDatabase);
    expect(answer.text).not.toMatch(/stacktrace|\bat .*\.(ts|js):\d+/);
  });

  it("(in development the same error shows its details, and its stack trace when STACK_TRACES_IN_RESPONSES is set)", async () => {
    const answer = await post(development.url, query);
    expect(answer.text).toContain(missingDatabase);
    expect(answer.body?.errors?.[0]?.extensions?.stacktrace).toEqual(expect.any(Array));
  });

  it("turns introspection off, and suggestions that would reveal the schema with it", async () => {
    const schema = await post(production.url, { query: "{ __schema { queryType { name } } }" }, { accept: GRAPHQL_RESPONSE });
    expect(schema.status).toBe(400);
    expect(schema.body?.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    const typo = await post(production.url, { query: "{ peple { totalCount } }" });
    expect(typo.body?.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe("INTROSPECTION overrides the environment's default", () => {
  const off = useApi({ INTROSPECTION: false });
  const on = useServer({ NODE_ENV: "production", INTROSPECTION: true });

  it("off in test, on in production", async () => {
    expect(codeOf(await post(off.url, { query: "{ __schema { queryType { name } } }" }))).toBe("GRAPHQL_VALIDATION_FAILED");
    expect((await post(on.url, { query: "{ __schema { queryType { name } } }" })).body?.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });
});
