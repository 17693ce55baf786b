/**
 * Issue 18: what one HTTP client can hold of the service is bounded. A body past the 1 MB limit is
 * cut off there; a request sent slowly is dropped after its timeout; the open connections are
 * capped; and /health/ready cannot be used to load Neo4j.
 */
import http from "node:http";
import net from "node:net";
import { describe, expect, it, vi } from "vitest";
import { useApi } from "./support/api.js";
import { sleep } from "./support/load.js";

const MB = 1024 * 1024;
const origin = (url: string) => new URL(url).origin;

/** Connects to `url`'s host and port with a raw socket, resolving once connected. */
async function connect(url: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  return socket;
}

/** What came back on `socket` until the server closed it, and when that was (ms after this call). */
function whenClosed(socket: net.Socket): Promise<{ afterMs: number; received: string }> {
  const started = Date.now();
  let received = "";
  socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
  socket.on("error", () => {});
  return new Promise((resolve) => socket.once("close", () => resolve({ afterMs: Date.now() - started, received })));
}

/**
 * Streams a JSON body of up to `maxBytes` (chunked, no length announced) as fast as the connection
 * takes it; resolves with the status that came back, and how many bytes had been handed to the
 * connection when the answer came and when sending ended (the server closed, or all was sent).
 */
function streamHugeBody(url: string, maxBytes: number) {
  const chunk = Buffer.alloc(64 * 1024, " ");
  return new Promise<{ status?: number; answeredAfterBytes?: number; sentBytes: number; answeredInMs?: number; sendingFailed: boolean }>((resolve) => {
    const started = Date.now();
    let sentBytes = 0;
    let status: number | undefined;
    let answeredAfterBytes: number | undefined;
    let answeredInMs: number | undefined;
    let sendingFailed = false;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve({ status, answeredAfterBytes, sentBytes, answeredInMs, sendingFailed });
    };
    const req = http.request(url, { method: "POST", headers: { "content-type": "application/json" }, agent: false });
    req.on("response", (res) => {
      status = res.statusCode;
      answeredAfterBytes = sentBytes;
      answeredInMs = Date.now() - started;
      res.resume();
    });
    req.on("error", () => {
      sendingFailed = true;
      finish();
    });
    req.on("close", finish);
    const pump = () => {
      while (!req.destroyed && sentBytes < maxBytes) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!req.destroyed) req.end();
    };
    req.write('{"query":"{ health { database } }","padding":"');
    pump();
  });
}

describe("a request body past the limit (1 MB)", () => {
  const api = useApi();

  it("is answered 413 as soon as it passes the limit, and the rest is not read", async () => {
    const sent = await streamHugeBody(api.url, 512 * MB);
    console.log(
      `[http-limits] 413 after ${((sent.answeredAfterBytes ?? NaN) / MB).toFixed(1)} MB sent (${sent.answeredInMs} ms); sending stopped after ${(sent.sentBytes / MB).toFixed(1)} MB of 512 MB`,
    );
    expect(sent.status).toBe(413);
    expect(sent.sendingFailed, "the client could send all of the body").toBe(true);
    // The limit, plus what socket buffers on both sides hold.
    expect(sent.sentBytes).toBeLessThan(64 * MB);
  }, 60_000);

  it("is answered 413 without reading it when its length says it is too large", async () => {
    const socket = await connect(api.url);
    const closed = whenClosed(socket);
    socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${2 * MB}\r\n\r\n{"query":`);
    const { received, afterMs } = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received).toMatch(/connection: close/i);
    expect(JSON.parse(received.slice(received.indexOf("\r\n\r\n") + 4))).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
    expect(afterMs).toBeLessThan(5_000);
  });
});

describe("a request sent slowly", () => {
  const api = useApi({ HTTP_HEADERS_TIMEOUT_MS: 1_000, HTTP_REQUEST_TIMEOUT_MS: 2_000 });

  /** Sends `text` a byte at a time, one every `everyMs`, until the socket closes. */
  async function dribble(socket: net.Socket, text: string, everyMs: number) {
    for (const byte of text) {
      if (socket.destroyed || socket.writableEnded) return;
      socket.write(byte);
      await sleep(everyMs);
    }
  }

  it("is dropped when its headers take longer than HTTP_HEADERS_TIMEOUT_MS", async () => {
    const socket = await connect(api.url);
    const closed = whenClosed(socket);
    void dribble(socket, `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Slow: ${"x".repeat(200)}\r\n\r\n`, 100);
    const { afterMs, received } = await closed;
    console.log(`[http-limits] slow headers dropped after ${afterMs} ms (HTTP_HEADERS_TIMEOUT_MS=1000): ${received.split("\r\n")[0]}`);
    expect(afterMs).toBeLessThan(1_000 + 1_500);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("is dropped when its body has not all come within HTTP_REQUEST_TIMEOUT_MS", async () => {
    const socket = await connect(api.url);
    const closed = whenClosed(socket);
    const body = JSON.stringify({ query: "{ health { database } }", padding: "x".repeat(200) });
    socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    void dribble(socket, body, 100);
    const { afterMs, received } = await closed;
    console.log(`[http-limits] slow body dropped after ${afterMs} ms (HTTP_REQUEST_TIMEOUT_MS=2000): ${received.split("\r\n")[0]}`);
    expect(afterMs).toBeLessThan(2_000 + 1_500);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe("open connections", () => {
  const api = useApi({ HTTP_MAX_CONNECTIONS: 3 });

  it("are capped at HTTP_MAX_CONNECTIONS: one more is closed as it arrives, and a place freed is taken again", async () => {
    const held = await Promise.all([connect(api.url), connect(api.url), connect(api.url)]);
    try {
      // The server counts a connection once it has accepted it.
      await sleep(200);
      const extra = await connect(api.url);
      const { afterMs, received } = await whenClosed(extra);
      expect(received).toBe("");
      expect(afterMs).toBeLessThan(2_000);

      held.pop()!.destroy();
      await sleep(200);
      const response = await fetch(`${origin(api.url)}/health/live`, { headers: { connection: "close" } });
      expect(response.status).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});

describe("GET /health/ready", () => {
  const api = useApi();

  it("answers from one probe of Neo4j at a time, at most about a second old, however many call", async () => {
    // Nothing else reads through this driver meanwhile: each session opened is one probe of Neo4j.
    const probes = vi.spyOn(api.db.driver, "session");
    try {
      const ready = () => fetch(`${origin(api.url)}/health/ready`).then((response) => response.status);
      const started = Date.now();
      let answers = 0;
      while (Date.now() - started < 3_000) {
        const statuses = await Promise.all(Array.from({ length: 20 }, ready));
        expect(new Set(statuses)).toEqual(new Set([200]));
        answers += statuses.length;
      }
      const seconds = (Date.now() - started) / 1000;
      console.log(`[http-limits] ${answers} readiness answers in ${seconds.toFixed(1)} s from ${probes.mock.calls.length} probes of Neo4j`);
      expect(probes.mock.calls.length, "answers older than a second").toBeGreaterThanOrEqual(2);
      expect(probes.mock.calls.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
      expect(answers).toBeGreaterThan(probes.mock.calls.length * 5);
    } finally {
      probes.mockRestore();
    }
  });
});
