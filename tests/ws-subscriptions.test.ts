/**
 * Issue 23, subscriptions over WebSocket: the rules queries follow (credentials, READS_REQUIRE_AUTH,
 * limits), the caps, bad input, and the close on shutdown, through graphql-ws's own client (and a
 * raw socket where the client would not send what is tested). Nothing here writes to the graph.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { parseApiKey, signJwt } from "../src/auth/credentials.js";
import { useApi, type TestApi } from "./support/api.js";
import { connect, EVENT_WAIT_MS, subscribe, untilConnections, untilListening } from "./support/subscriptions.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const READER = "ws-reader-key";
const JWT_SECRET = "a-test-secret-that-is-long-enough-0123456789";
const MEETING_ID = "2025-04-11-putin-witkoff-st-petersburg";
const MEETING_CHANGED = `subscription($id: ID!) { meetingChanged(id: $id) { change meeting { id } } }`;

/** Opens a raw graphql-transport-ws socket, sends `messages` as they are, and resolves with how the server closed it. */
async function closedAfter(api: TestApi, messages: string[]): Promise<{ code: number; reason: string }> {
  const socket = new WebSocket(api.url.replace(/^http/, "ws"), "graphql-transport-ws");
  const closed = once(socket, "close") as Promise<[number, Buffer]>;
  await once(socket, "open");
  for (const message of messages) socket.send(message);
  const [code, reason] = await closed;
  return { code, reason: reason.toString() };
}

describe("over HTTP", () => {
  const api = useApi();

  it("refuses a subscription with a code that says to use WebSocket", async () => {
    const res = await api.query(`subscription { meetingChanged(id: "${MEETING_ID}") { change } }`);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([{ message: expect.stringMatching(/WebSocket/), extensions: { code: "SUBSCRIPTIONS_NOT_SUPPORTED" } }]);
  });
});

describe("subscribing", () => {
  const api = useApi({ WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: 3, WS_MAX_CONNECTIONS_PER_CLIENT: 2, MAX_QUERY_DEPTH: 4 });
  // Every test here connects from the same address, the client the connection cap counts: each starts with none open.
  beforeEach(() => untilConnections(api, 0));

  it("ends a subscription to an unknown id with NOT_FOUND naming the argument", async () => {
    const { client } = connect(api);
    const subscription = subscribe(client, MEETING_CHANGED, { id: "no-such-meeting" });
    const delivery = await subscription.next();
    expect(delivery).toEqual({
      kind: "next",
      result: {
        errors: [expect.objectContaining({ message: expect.stringContaining('"no-such-meeting"'), extensions: { code: "NOT_FOUND", argument: "id" } })],
      },
    });
    expect(await subscription.next()).toEqual({ kind: "complete" });
    client.dispose();
  });

  it("refuses queries and mutations over WebSocket, and operations beyond the query limits, with their codes", async () => {
    const { client } = connect(api);
    const codeOf = async (query: string) => {
      const delivery = await subscribe(client, query).next();
      return delivery.kind === "error" ? delivery.errors.map((e) => e.extensions?.code) : delivery;
    };
    expect(await codeOf(`{ health { database } }`)).toEqual(["BAD_REQUEST"]);
    expect(
      await codeOf(`subscription { meetingChanged(id: "${MEETING_ID}") { meeting { participants { person { meetings { edges { node { id } } } } } } } }`),
    ).toEqual(["QUERY_TOO_DEEP"]);
    expect(await codeOf(`subscription { meetingChanged(id: "${"x".repeat(600)}") { change } }`)).toEqual(["BAD_USER_INPUT"]);
    expect(await codeOf(`subscription { meetingChanged { change } }`)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(await codeOf(`subscription {`)).toEqual(["GRAPHQL_PARSE_FAILED"]);
    client.dispose();
  });

  it("holds at most WS_MAX_SUBSCRIPTIONS_PER_CONNECTION subscriptions on a connection, however many are sent at once", async () => {
    const { client, connected } = connect(api);
    await connected;
    const flood = Array.from({ length: 50 }, () => subscribe(client, MEETING_CHANGED, { id: MEETING_ID }));
    const refused: unknown[] = [];
    // The refusals come at once; the three that listen send nothing until the meeting changes.
    for (const subscription of flood) {
      const delivery = await subscription.next(1_000).catch(() => null);
      if (delivery) refused.push(delivery);
    }
    expect(refused).toHaveLength(47);
    expect(refused[0]).toEqual({
      kind: "error",
      errors: [{ message: expect.stringContaining("At most 3 subscriptions"), extensions: { code: "TOO_MANY_SUBSCRIPTIONS", maxSubscriptions: 3 } }],
    });
    await untilListening(api, 3);
    // A place freed is a place taken again.
    flood.forEach((subscription) => subscription.dispose());
    await untilListening(api, 0);
    subscribe(client, MEETING_CHANGED, { id: MEETING_ID });
    await untilListening(api, 1);
    client.dispose();
    await untilListening(api, 0);
  });

  it("closes a client's connection beyond WS_MAX_CONNECTIONS_PER_CLIENT with 1013 (try again later)", async () => {
    const first = connect(api);
    const second = connect(api);
    await Promise.all([first.connected, second.connected]);
    const third = connect(api);
    expect(await third.closed).toEqual({ code: 1013, reason: expect.stringContaining("at most 2 per client") });
    first.client.dispose();
    await first.closed;
    const fourth = connect(api);
    await fourth.connected;
    for (const c of [second, fourth]) c.client.dispose();
  });

  it("closes a connection whose connection_init is malformed with 4400", async () => {
    expect(await closedAfter(api, [JSON.stringify({ type: "connection_init", payload: "not an object" })])).toMatchObject({ code: 4400 });
    expect(await closedAfter(api, [JSON.stringify({ type: "connection_init", payload: { authorization: 42 } })])).toEqual({
      code: 4400,
      reason: expect.stringContaining("authorization must be a string"),
    });
    expect(await closedAfter(api, ["{not json"])).toMatchObject({ code: 4400 });
    // Subscribing before connection_init has been acknowledged.
    expect(await closedAfter(api, [JSON.stringify({ id: "1", type: "subscribe", payload: { query: MEETING_CHANGED } })])).toMatchObject({ code: 4401 });
  });

  it("closes every connection with 1012 (service restart) when the service stops", async () => {
    const { closed, connected } = connect(api);
    await connected;
    await api.server.stop();
    expect(await closed).toEqual({ code: 1012, reason: expect.stringContaining("reconnect") });
  });
});

describe("credentials", () => {
  const api = useApi({ API_KEYS: [parseApiKey(`reader:read:${sha256(READER)}`)], JWT_SECRET, READS_REQUIRE_AUTH: true });

  it("with READS_REQUIRE_AUTH, closes a connection without a valid token with 4401 and accepts a reader's", async () => {
    expect(await connect(api).closed).toEqual({ code: 4401, reason: expect.stringContaining("bearer token") });
    expect(await connect(api, { token: "not-a-key" }).closed).toEqual({ code: 4401, reason: expect.stringContaining("not a valid API key or JWT") });
    const reader = connect(api, { token: READER });
    const delivery = await subscribe(reader.client, MEETING_CHANGED, { id: "no-such-meeting" }).next();
    expect(delivery.kind === "next" && delivery.result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    reader.client.dispose();
  });

  it(
    "closes a JWT's connection with 4401 when the token expires",
    async () => {
      const token = await signJwt({ sub: "erin", scope: "read", exp: Math.floor(Date.now() / 1000) + 3 }, JWT_SECRET);
      const { client, closed, connected } = connect(api, { token });
      await connected;
      subscribe(client, MEETING_CHANGED, { id: MEETING_ID });
      await untilListening(api, 1);
      expect(await closed).toEqual({ code: 4401, reason: expect.stringContaining("JWT has expired") });
      await untilListening(api, 0);
    },
    EVENT_WAIT_MS,
  );
});
