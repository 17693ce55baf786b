/**
 * GraphQL Playground (the version this service ships) speaks only the older protocol of
 * subscriptions-transport-ws (subprotocol "graphql-ws"), which graphql-ws's server refuses. This
 * adapter translates that protocol's messages to graphql-transport-ws and back, so the one
 * graphql-ws server serves both, with the same credentials, limits and caps. The old protocol's
 * own server package is unmaintained; its messages map one to one onto the new ones.
 */
import { EventEmitter } from "node:events";
import type { WebSocket } from "ws";

export const LEGACY_PROTOCOL = "graphql-ws";

/** Old client message → new one, with its old type. */
function fromLegacy(text: string): { type: unknown; text: string } {
  let message: { type?: unknown; id?: unknown; payload?: unknown };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    // graphql-ws answers what is not JSON as the bad request it is.
    return { type: undefined, text };
  }
  switch (message.type) {
    case "start":
      return { type: message.type, text: JSON.stringify({ id: message.id, type: "subscribe", payload: message.payload }) };
    case "stop":
      return { type: message.type, text: JSON.stringify({ id: message.id, type: "complete" }) };
    default:
      // connection_init is the same message in both; anything else graphql-ws refuses as it would.
      return { type: message.type, text };
  }
}

/** New server message → old one; null for what the old protocol lacks (pings: the socket's own pings keep it alive). */
function toLegacy(text: string): string | null {
  const message = JSON.parse(text) as { type: string; id?: string; payload?: unknown };
  switch (message.type) {
    case "next":
      return JSON.stringify({ id: message.id, type: "data", payload: message.payload });
    case "ping":
    case "pong":
      return null;
    default:
      // connection_ack, error and complete keep their names.
      return text;
  }
}

/**
 * An old-protocol socket as graphql-ws's `useServer` sees a WebSocket: the same events and
 * methods, with each message translated on its way in and out.
 */
export class LegacyProtocolSocket extends EventEmitter {
  readonly OPEN: number;
  /**
   * The old protocol lets a client start operations before the server has acknowledged
   * connection_init (Playground does); the new one closes the connection for that. They wait here
   * for the acknowledgement; null once it has been sent.
   */
  private early: string[] | null = [];

  constructor(private readonly socket: WebSocket) {
    super();
    this.OPEN = socket.OPEN;
    socket.on("message", (data) => {
      const { type, text } = fromLegacy(String(data));
      if (type === "connection_terminate") socket.close(1000, "Normal Closure");
      else if (this.early && type !== "connection_init") this.early.push(text);
      else this.emit("message", text);
    });
    for (const event of ["close", "error", "pong"]) socket.on(event, (...args: unknown[]) => this.emit(event, ...args));
  }

  /** graphql-ws serves only its own protocol's name: this socket speaks it, once translated. */
  get protocol(): string {
    return "graphql-transport-ws";
  }
  get readyState(): number {
    return this.socket.readyState;
  }
  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }
  send(data: string, done?: (error?: Error) => void): void {
    const translated = toLegacy(data);
    if (translated === null) done?.();
    else this.socket.send(translated, done);
    if (this.early && (JSON.parse(data) as { type: string }).type === "connection_ack") {
      const early = this.early;
      this.early = null;
      for (const message of early) this.emit("message", message);
    }
  }
  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }
  ping(): void {
    this.socket.ping();
  }
  terminate(): void {
    this.socket.terminate();
  }
}
