/**
 * The event bus subscriptions listen on: topics ("meeting:<id>", "claims") and JSON events.
 * Events cross it as plain JSON, so an implementation may carry them between processes (Redis
 * pub/sub) as well as within one; the server picks the implementation in one place
 * (src/server.ts), and everything else sees only this interface.
 */

/** What crosses the bus: JSON only, so any transport can carry it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface BusEvent {
  /** Who listens: see src/events/topics.ts for the topics and what their events carry. */
  topic: string;
  payload: Json;
}

/**
 * One subscription's events, in order. `return()` (what `for await … break` calls) unsubscribes
 * and ends it; the stream throws when the bus drops it (the bus closed, or the reader fell too far behind).
 */
export type EventStream = AsyncIterableIterator<Json> & { return(): Promise<IteratorResult<Json>> };

export interface EventBus {
  /** Delivers `event` to every subscriber of its topic (in every process the bus reaches). */
  publish(event: BusEvent): Promise<void>;
  subscribe(topic: string): EventStream;
  /** Ends every stream and stops delivering; publishing afterwards does nothing. */
  close(): Promise<void>;
}

/** A stream's reader fell this many events behind: it is dropped rather than buffered without limit. */
export const MAX_PENDING_EVENTS = 1_000;

export class EventStreamDropped extends Error {
  constructor(readonly reason: "bus-closed" | "reader-too-slow") {
    super(
      reason === "bus-closed"
        ? "The event bus closed (the service is stopping)."
        : `The subscriber fell more than ${MAX_PENDING_EVENTS} events behind and was dropped.`,
    );
    this.name = "EventStreamDropped";
  }
}

/** One stream: a bounded queue, and the reader waiting on it if any. */
class Stream implements EventStream {
  private readonly queue: Json[] = [];
  private waiting: { resolve: (result: IteratorResult<Json>) => void; reject: (error: unknown) => void } | null = null;
  private ended: EventStreamDropped | "done" | null = null;

  constructor(private readonly unsubscribe: () => void) {}

  push(payload: Json): void {
    if (this.ended) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      return resolve({ value: payload, done: false });
    }
    if (this.queue.length >= MAX_PENDING_EVENTS) return this.end(new EventStreamDropped("reader-too-slow"));
    this.queue.push(payload);
  }

  end(reason: EventStreamDropped | "done"): void {
    if (this.ended) return;
    this.ended = reason;
    this.queue.length = 0;
    this.unsubscribe();
    const waiting = this.waiting;
    this.waiting = null;
    if (!waiting) return;
    if (reason === "done") waiting.resolve({ value: undefined, done: true });
    else waiting.reject(reason);
  }

  next(): Promise<IteratorResult<Json>> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve({ value: queued, done: false });
    if (this.ended === "done") return Promise.resolve({ value: undefined, done: true });
    if (this.ended) {
      const error = this.ended;
      // Thrown once; afterwards the stream is simply over.
      this.ended = "done";
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<Json>> {
    this.end("done");
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/**
 * Fans out within this process only: a write on another instance never reaches these subscribers.
 * Also the local half of a bus between processes, which hands it what arrives from elsewhere.
 */
export class InProcessBus implements EventBus {
  private readonly streams = new Map<string, Set<Stream>>();
  private closed = false;

  publish(event: BusEvent): Promise<void> {
    if (!this.closed) for (const stream of this.streams.get(event.topic) ?? []) stream.push(event.payload);
    return Promise.resolve();
  }

  subscribe(topic: string): EventStream {
    const stream: Stream = new Stream(() => {
      const streams = this.streams.get(topic);
      streams?.delete(stream);
      if (streams?.size === 0) this.streams.delete(topic);
    });
    if (this.closed) stream.end(new EventStreamDropped("bus-closed"));
    else this.streams.set(topic, (this.streams.get(topic) ?? new Set()).add(stream));
    return stream;
  }

  close(): Promise<void> {
    this.closed = true;
    for (const streams of [...this.streams.values()]) for (const stream of [...streams]) stream.end(new EventStreamDropped("bus-closed"));
    return Promise.resolve();
  }
}
