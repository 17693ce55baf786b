/**
 * GraphQL subscriptions as a client sees them: graphql-ws's own client over the `ws` package,
 * against a service started by useApi. Every wait has a generous bound, so a broken promise
 * fails the test instead of hanging it.
 */
import { createClient, type Client, type FormattedExecutionResult } from "graphql-ws";
import WebSocket from "ws";
import type { TestApi } from "./api.js";

/** Long enough for a loaded 2-core machine; an event that comes at all comes well within it. */
export const EVENT_WAIT_MS = 20_000;

export interface ClosedEvent {
  code: number;
  reason: string;
}

export interface TestClient {
  client: Client;
  /** Resolves with the close code and reason once the server or the client closes the socket. */
  closed: Promise<ClosedEvent>;
  /** Resolves when the server has acknowledged connection_init. */
  connected: Promise<void>;
}

/** A client that connects at once and never retries; `token` is sent in connection_init as `authorization: Bearer <token>`. */
export function connect(
  api: Pick<TestApi, "url">,
  { token, connectionParams }: { token?: string; connectionParams?: Record<string, unknown> } = {},
): TestClient {
  let onClosed: (event: ClosedEvent) => void = () => {};
  let onConnected: () => void = () => {};
  const closed = new Promise<ClosedEvent>((resolve) => (onClosed = resolve));
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: api.url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: connectionParams ?? (token === undefined ? {} : { authorization: `Bearer ${token}` }),
    // The test reads the close event itself.
    onNonLazyError: () => {},
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  return { client, closed, connected };
}

export type Delivery =
  | { kind: "next"; result: FormattedExecutionResult<Record<string, any>, unknown> }
  | { kind: "error"; errors: { message: string; extensions?: Record<string, any> }[] }
  | { kind: "complete" };

export interface TestSubscription {
  /** The next thing the server sent for this subscription: a result, an error, or its completion. */
  next(waitMs?: number): Promise<Delivery>;
  /** Stops it (graphql-ws sends `complete`). */
  dispose(): void;
}

/** Subscribes and queues whatever arrives, in order. */
export function subscribe(client: Client, query: string, variables?: Record<string, unknown>): TestSubscription {
  const queue: Delivery[] = [];
  let waiter: ((delivery: Delivery) => void) | null = null;
  const deliver = (delivery: Delivery) => {
    if (waiter) {
      const wake = waiter;
      waiter = null;
      wake(delivery);
    } else queue.push(delivery);
  };
  const dispose = client.subscribe<Record<string, any>>(
    { query, variables },
    {
      next: (result) => deliver({ kind: "next", result }),
      error: (error) =>
        deliver({ kind: "error", errors: Array.isArray(error) ? error : [{ message: String((error as { reason?: string }).reason ?? error) }] }),
      complete: () => deliver({ kind: "complete" }),
    },
  );
  return {
    next: (waitMs = EVENT_WAIT_MS) => {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiter = null;
          reject(new Error(`nothing arrived on the subscription within ${waitMs} ms`));
        }, waitMs);
        waiter = (delivery) => {
          clearTimeout(timer);
          resolve(delivery);
        };
      });
    },
    dispose,
  };
}

/** Waits until the service has `count` subscriptions listening: an event published before a subscription listens does not reach it. */
export async function untilListening(api: Pick<TestApi, "server">, count: number): Promise<void> {
  const until = Date.now() + EVENT_WAIT_MS;
  while (api.server.subscriptions.listening !== count) {
    if (Date.now() > until)
      throw new Error(`the service did not have ${count} subscriptions listening within ${EVENT_WAIT_MS} ms (it has ${api.server.subscriptions.listening})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the service has `count` WebSocket connections open. */
export async function untilConnections(api: TestApi, count: number): Promise<void> {
  const until = Date.now() + EVENT_WAIT_MS;
  while (api.server.subscriptions.connections !== count) {
    if (Date.now() > until)
      throw new Error(`the service did not have ${count} WebSocket connections within ${EVENT_WAIT_MS} ms (it has ${api.server.subscriptions.connections})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
