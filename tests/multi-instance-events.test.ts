/**
 * Subscription events across instances (issue 23): two instances' event buses over one Redis. An
 * event published on A reaches A's subscribers at once and B's within a second; while Redis is
 * away it still reaches A's own, and once Redis is back it crosses again.
 */
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventStream, Json } from "../src/events/bus.js";
import { connectSharedState } from "../src/redis/sharedState.js";
import { useRedis } from "./support/redis.js";

type Shared = NonNullable<Awaited<ReturnType<typeof connectSharedState>>>;

/** Everything `stream` delivers, as it arrives (a reader that is always reading, so no event waits on the test). */
function collect(stream: EventStream): Json[] {
  const received: Json[] = [];
  void (async () => {
    for await (const event of stream) received.push(event);
  })();
  return received;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("two instances' event buses over one Redis", () => {
  const redis = useRedis();
  let a: Shared;
  let b: Shared;
  beforeAll(async () => {
    const silent = pino({ level: "silent" });
    [a, b] = (await Promise.all([connectSharedState(redis.url, silent), connectSharedState(redis.url, silent)])) as [Shared, Shared];
    // The subscriber connections subscribe once they are ready.
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  afterAll(async () => {
    for (const shared of [a, b]) {
      await shared?.events.close();
      await shared?.redis.close();
    }
  });

  it("carry an event published on A to subscribers on A and on B, within a second, once each", async () => {
    const streams = [a.events.subscribe("meeting:m1"), b.events.subscribe("meeting:m1"), b.events.subscribe("meeting:m2")];
    const [onA, elsewhere] = [streams[0]!, streams[2]!].map(collect) as [Json[], Json[]];
    const sent = performance.now();
    const first = streams[1]!.next().then((result) => ({ event: result.value, ms: performance.now() - sent }));
    await a.events.publish({ topic: "meeting:m1", payload: { id: "m1", change: "claimAdded" } });
    const onB = await Promise.race([first, pause(1_000).then(() => ({ event: "nothing within a second", ms: 1_000 }))]);
    console.log(`[multi-instance] an event crossed from A to B in ${onB.ms.toFixed(1)} ms`);
    expect(onB.event).toEqual({ id: "m1", change: "claimAdded" });
    const onBLater = collect(streams[1]!);
    await pause(300);
    expect(onA).toEqual([{ id: "m1", change: "claimAdded" }]);
    expect(onBLater).toEqual([]);
    expect(elsewhere).toEqual([]);
    for (const stream of streams) await stream.return();
  });

  it("while Redis is away, still deliver to the publishing instance's subscribers, and only them; then cross again once it is back", async () => {
    const streams = [a.events.subscribe("claims"), b.events.subscribe("claims")];
    const [onA, onB] = streams.map(collect) as [Json[], Json[]];
    await redis.stop();
    await eventually(() => !a.redis.available && !b.redis.available);
    await a.events.publish({ topic: "claims", payload: "during the outage" });
    await pause(500);
    expect(onA).toEqual(["during the outage"]);
    expect(onB).toEqual([]);

    await redis.start();
    await eventually(() => a.redis.available && b.redis.available);
    // The subscriber connection comes back on its own schedule: events cross once it has subscribed again.
    await eventually(() => {
      if (onA.length === 1) void b.events.publish({ topic: "claims", payload: "after the outage" });
      return onA.length > 1;
    });
    expect(onA.slice(0, 2)).toEqual(["during the outage", "after the outage"]);
    for (const stream of streams) await stream.return();
  });
});
