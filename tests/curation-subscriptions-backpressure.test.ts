/**
 * Issue 23, a subscriber that never reads: its events are not buffered without limit. Once more
 * than WS_MAX_BUFFERED_BYTES wait unsent, the service closes it with 4413 (slow consumer). The
 * reader here is a raw socket that stops reading (ws's pause()), as a stuck client would.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { expect, it } from "vitest";
import WebSocket from "ws";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";
import { untilConnections, untilListening } from "./support/subscriptions.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const WRITER = "backpressure-writer-key";
const api = useApi({ API_KEYS: [parseApiKey(`curator:write:${sha256(WRITER)}`)], WS_MAX_BUFFERED_BYTES: 64 * 1024 });
cleanUpAfterAll(api);

const SUBSCRIPTIONS = 4;
const WRITES = 3;
// Each event asks for every claim's excerpt 30 times (the alias limit): a few MB per event, more than the socket buffers hold.
const BIG_EVENT = `subscription($id: ID!) { meetingChanged(id: $id) { ${Array.from({ length: 30 }, (_, i) => `a${i}: meeting { claims { excerpt } }`).join(" ")} } }`;

it("closes a subscriber that does not read its events with 4413, having sent it only part of them", async () => {
  const meetingId = testId("meeting");
  const claims = ["date", "outcome", "wait", "visit-number", "record"].map((field) => ({
    field,
    value: field === "date" ? "2025-06-01" : "1",
    sourceId: "dawat-004",
    excerpt: "x".repeat(20_000),
  }));
  const created = await api.query(
    `mutation($input: MeetingInput!) { createMeeting(input: $input) { errors { code } } }`,
    { input: { id: meetingId, kind: "talks", title: "Big", date: "2025-06-01", claims } },
    WRITER,
  );
  expect(created.data).toEqual({ createMeeting: { errors: [] } });

  const socket = new WebSocket(api.url.replace(/^http/, "ws"), "graphql-transport-ws");
  const received: string[] = [];
  socket.on("message", (data) => received.push((JSON.parse(String(data)) as { type: string }).type));
  const closed = once(socket, "close") as Promise<[number, Buffer]>;
  await once(socket, "open");
  const acknowledged = new Promise<void>((resolve) => socket.on("message", (data) => String(data).includes('"connection_ack"') && resolve()));
  socket.send(JSON.stringify({ type: "connection_init", payload: {} }));
  await acknowledged;
  for (let id = 0; id < SUBSCRIPTIONS; id++)
    socket.send(JSON.stringify({ id: String(id), type: "subscribe", payload: { query: BIG_EVENT, variables: { id: meetingId } } }));
  await untilListening(api, SUBSCRIPTIONS);

  socket.pause();
  for (let i = 0; i < WRITES; i++) {
    const res = await api.query(
      `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { errors { code } } }`,
      { input: { id: meetingId, title: `Big ${i}` } },
      WRITER,
    );
    expect(res.data).toEqual({ updateMeeting: { errors: [] } });
  }
  // The service gives up on the connection while the client still reads nothing.
  await untilConnections(api, 0);
  socket.resume();
  const [code, reason] = await closed;
  expect({ code, reason: String(reason) }).toEqual({ code: 4413, reason: expect.stringContaining("Slow consumer") });
  expect(received.filter((type) => type === "next").length).toBeLessThan(SUBSCRIPTIONS * WRITES);
}, 120_000);
