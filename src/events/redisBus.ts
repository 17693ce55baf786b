/**
 * The event bus across instances (REDIS_URL): each event goes to this instance's subscribers at
 * once, and to the other instances through one Redis pub/sub channel, whose messages each
 * instance hands to its own subscribers (skipping the ones it sent itself). While Redis is away,
 * events still reach the subscribers of the instance where the write happened, and no others:
 * Redis pub/sub keeps nothing for later, so what was published during the outage is not replayed.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { KEY_PREFIX, type SharedRedis } from "../redis/sharedRedis.js";
import { InProcessBus, type BusEvent, type EventBus, type EventStream, type Json } from "./bus.js";

const CHANNEL = `${KEY_PREFIX}events`;

interface Message {
  /** The instance that published it. */
  origin: string;
  topic: string;
  payload: Json;
}

export class RedisBus implements EventBus {
  private readonly local = new InProcessBus();
  private readonly origin = randomUUID();
  /** A connection in subscriber mode can send nothing else, so it is one of its own. */
  private readonly subscriber: Redis;

  constructor(private readonly redis: SharedRedis) {
    this.subscriber = redis.client.duplicate({ autoResubscribe: false, enableOfflineQueue: true });
    // Outages are reported (once) by the shared connection; this one's errors are the same outage.
    this.subscriber.on("error", () => {});
    // Subscribed anew on every connection: a Redis that restarted has forgotten the subscription.
    this.subscriber.on("ready", () => void this.subscriber.subscribe(CHANNEL).catch(() => {}));
    this.subscriber.on("message", (_channel: string, text: string) => this.received(text));
  }

  async publish(event: BusEvent): Promise<void> {
    await this.local.publish(event);
    const message: Message = { origin: this.origin, topic: event.topic, payload: event.payload };
    await this.redis.attempt((client) => client.publish(CHANNEL, JSON.stringify(message)));
  }

  subscribe(topic: string): EventStream {
    return this.local.subscribe(topic);
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    await this.local.close();
  }

  private received(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return;
    }
    if (message.origin === this.origin || typeof message.topic !== "string") return;
    void this.local.publish({ topic: message.topic, payload: message.payload });
  }
}
