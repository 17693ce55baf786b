/**
 * `npm run loadtest:subscriptions`: subscriptions under load (issue 23). Churn: subscribers join and leave
 * in waves for minutes while a curator writes, and the service's heap after GC is sampled, so a leak
 * shows as a slope. Ramp: connected subscribers are added step by step until a bound, to see how many
 * one instance holds, with what memory, and how fast an event then reaches them. Not part of `npm test`.
 */
import { randomBytes, createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { reportFailure, UsageError } from "../src/script.js";
import { mb, ms, percentile, seconds, serviceMemory, sleep, startOwnService, stopOnSignal, type ServiceMemory } from "./service.js";
import { connect, Deliveries, expectedDeliveries, nthSubscription, TOPICS, Writer, type Connection, type Subscription } from "./subscribers.js";

const usage = `Usage: npm run loadtest:subscriptions -- [options]

Starts a throw-away Neo4j (seed graph) and the service in production mode (as \`npm run loadtest -- --start\`),
opens graphql-ws clients that subscribe to meetingChanged, personChanged and claimAdded over ${TOPICS} meetings
and people, while a curator writes claims and aliases through HTTP mutations; stops everything at the end.

  --ramp              instead of the churn run: add subscribers step by step (one per connection, then
                      --per-connection on each) up to --max, measuring memory and event latency at each step
  --duration D        churn: how long subscribers join and leave, after the warm-up: 90s, 5m (default 5m)
  --warmup D          churn: churn before the heap is measured, not counted (default 30s)
  --connections N     churn: connections open at once (default 200), each with 1 to 3 subscriptions
  --wave D            churn: every D, a quarter of the connections leave and as many new ones join (default 10s)
  --writes N          writes per second, each an event for some subscribers (default 2; ramp: 1)
  --progress D        churn: a progress line, with the heap after GC, this often (default 15s)
  --max N             ramp: the most subscriptions to open (default 5000)
  --per-connection N  ramp: subscriptions per connection in the second layout (default 20, the service's default cap)
  --max-latency D     ramp: stop adding once an event's p99 latency exceeds this (default 5s)
  --json FILE         also write the report as JSON
  --help              this text

Latency is from the event's publication (its \`at\`, just after the commit) to its arrival at the client;
both run on this machine, on one clock. Errors are subscription errors, connections refused or closed by
the server, and failed writes. The heap is the service's after a garbage collection (/health/live?gc=1).`;

interface Options {
  ramp: boolean;
  durationS: number;
  warmupS: number;
  connections: number;
  waveS: number;
  writesPerSecond: number;
  progressS: number;
  max: number;
  perConnection: number;
  maxLatencyMs: number;
  json?: string;
}

function positive(text: string, name: string): number {
  const value = Number(text);
  if (!(value > 0)) throw new UsageError(`--${name} must be a positive number (got ${JSON.stringify(text)})`);
  return value;
}

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      ramp: { type: "boolean", default: false },
      duration: { type: "string", default: "5m" },
      warmup: { type: "string", default: "30s" },
      connections: { type: "string", default: "200" },
      wave: { type: "string", default: "10s" },
      writes: { type: "string" },
      progress: { type: "string", default: "15s" },
      max: { type: "string", default: "5000" },
      "per-connection": { type: "string", default: "20" },
      "max-latency": { type: "string", default: "5s" },
      json: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return null;
  return {
    ramp: values.ramp,
    durationS: seconds(values.duration, "duration"),
    warmupS: seconds(values.warmup, "warmup"),
    connections: Math.round(positive(values.connections, "connections")),
    waveS: seconds(values.wave, "wave"),
    writesPerSecond: positive(values.writes ?? (values.ramp ? "1" : "2"), "writes"),
    progressS: seconds(values.progress, "progress"),
    max: Math.round(positive(values.max, "max")),
    perConnection: Math.round(positive(values["per-connection"], "per-connection")),
    maxLatencyMs: seconds(values["max-latency"], "max-latency") * 1000,
    json: values.json,
  };
}

const say = (message: string) => console.log(`[loadtest:subscriptions] ${message}`);
const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(", ");

/** The service's subscriptions listening, from /metrics. */
async function listening(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return Number(/^meetgraph_graphql_subscriptions_open (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

/** Waits until the service listens to `count` subscriptions (graphql-ws does not acknowledge a subscribe), at most `waitMs`. */
async function untilListening(metricsUrl: string, count: number, waitMs = 60_000): Promise<number> {
  const deadline = Date.now() + waitMs;
  let now = await listening(metricsUrl);
  while (now !== count && Date.now() < deadline) {
    await sleep(250);
    now = await listening(metricsUrl);
  }
  return now;
}

/** Writes at a steady rate until stopped. */
function steadyWrites(writer: Writer, perSecond: number): { stop: () => Promise<void> } {
  let running = true;
  const loop = (async () => {
    while (running) {
      const next = Date.now() + 1000 / perSecond;
      await writer.write();
      await sleep(Math.max(0, next - Date.now()));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

interface Run {
  url: string;
  wsUrl: string;
  healthUrl: string;
  metricsUrl: string;
  writer: Writer;
  deliveries: Deliveries;
}

/** Opens `count` connections, `per` subscriptions each, numbered from `first`, a batch at a time; those refused are counted as errors and left out. */
async function openConnections(run: Run, first: number, count: number, per: number): Promise<{ connections: Connection[]; subscriptions: Subscription[] }> {
  const connections: Connection[] = [];
  const subscriptions: Subscription[] = [];
  const BATCH = 100;
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) =>
      Array.from({ length: per }, (_, j) => nthSubscription(first + (start + i) * per + j)),
    );
    const opened = await Promise.allSettled(batch.map((subs) => connect(run.wsUrl, subs, run.deliveries)));
    opened.forEach((result, i) => {
      if (result.status === "fulfilled") {
        connections.push(result.value);
        subscriptions.push(...batch[i]!);
      }
    });
  }
  return { connections, subscriptions };
}

async function churn(run: Run, options: Options) {
  const { deliveries, writer } = run;
  const heapBefore = await serviceMemory(run.healthUrl, true);
  say(`Heap after GC before any subscriber: ${heapBefore ? mb(heapBefore.heapUsedBytes) : "?"}; load average ${loadAverage()}.`);
  say(
    `Churn: ${options.connections} connections of 1 to 3 subscriptions, a quarter replaced every ${options.waveS} s, ${options.writesPerSecond} writes/s, ` +
      `${options.warmupS} s of warm-up then ${options.durationS} s measured.`,
  );
  let opened = 0;
  let left = 0;
  let subscribed = 0;
  const open: Connection[] = [];
  /** Each joining connection takes the next 1 to 3 subscriptions of the sequence, so kinds and topics go round. */
  const join = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const per = (opened % 3) + 1;
      const { connections } = await openConnections(run, subscribed, 1, per);
      subscribed += per;
      opened += 1;
      open.push(...connections);
    }
  };
  const leave = async (count: number) => {
    const leaving = open.splice(0, count);
    await Promise.all(leaving.map((connection) => connection.leave()));
    left += leaving.length;
  };

  await join(options.connections);
  const writes = steadyWrites(writer, options.writesPerSecond);
  const started = Date.now();
  const totalS = options.warmupS + options.durationS;
  const samples: { atS: number; heap: ServiceMemory }[] = [];
  const periods: { atS: number; events: number; p50: number; p99: number; heapAfterGc: number | null; listening: number }[] = [];
  let nextWave = started + options.waveS * 1000;
  let nextProgress = started + options.warmupS * 1000;
  let warm = options.warmupS === 0;
  while (Date.now() - started < totalS * 1000) {
    await sleep(Math.max(0, Math.min(nextWave, nextProgress) - Date.now()));
    if (Date.now() >= nextWave) {
      const quarter = Math.max(1, Math.round(options.connections / 4));
      await leave(quarter);
      await join(quarter);
      nextWave += options.waveS * 1000;
    }
    if (Date.now() >= nextProgress) {
      const atS = (Date.now() - started) / 1000;
      const heap = await serviceMemory(run.healthUrl, true);
      const period = deliveries.takePeriod();
      const now = await listening(run.metricsUrl);
      if (!warm) {
        warm = true;
        say(`Warm-up done (${period.events} events); measuring from now. Heap after GC ${heap ? mb(heap.heapUsedBytes) : "?"}.`);
      } else {
        if (heap) samples.push({ atS, heap });
        periods.push({ atS, ...period, heapAfterGc: heap?.heapUsedBytes ?? null, listening: now });
        say(
          `${Math.round(atS - options.warmupS)}/${options.durationS} s: ${opened} connections opened, ${left} left, ${now} subscriptions listening; ` +
            `${period.events} events, latency p50 ${ms(period.p50)} p99 ${ms(period.p99)}; errors ${deliveries.errors + writer.errors}; ` +
            `heap after GC ${heap ? mb(heap.heapUsedBytes) : "?"}, rss ${heap ? mb(heap.rssBytes) : "?"}; load average ${loadAverage()}.`,
        );
      }
      nextProgress += options.progressS * 1000;
    }
  }
  await writes.stop();
  await leave(open.length);
  const listeningAfter = await untilListening(run.metricsUrl, 0);
  await sleep(2_000);
  const heapAfter = await serviceMemory(run.healthUrl, true);
  const fit = slope(samples.map((s) => ({ x: s.atS / 60, y: s.heap.heapUsedBytes / 1024 / 1024 })));
  const allEvents = periods.reduce((n, p) => n + p.events, 0);
  const report = {
    mode: "churn",
    loadAverage: os.loadavg(),
    connectionsAtOnce: options.connections,
    connectionsOpened: opened,
    connectionsLeft: left,
    subscriptionsOpened: subscribed,
    writes: writer.writes,
    writeErrors: writer.errors,
    writeLatencyMsP50: percentile(
      [...writer.latenciesMs].sort((a, b) => a - b),
      50,
    ),
    eventsMeasured: allEvents,
    deliveryErrors: deliveries.errors,
    errorSamples: [...deliveries.errorSamples, ...writer.errorSamples],
    periods,
    heap: {
      beforeSubscribersBytes: heapBefore?.heapUsedBytes ?? null,
      firstSampleBytes: samples[0]?.heap.heapUsedBytes ?? null,
      lastSampleBytes: samples.at(-1)?.heap.heapUsedBytes ?? null,
      afterAllLeftBytes: heapAfter?.heapUsedBytes ?? null,
      slopeMbPerMinute: Number(fit.toFixed(3)),
      rssAfterBytes: heapAfter?.rssBytes ?? null,
    },
    listeningAfterAllLeft: listeningAfter,
  };
  console.log("");
  say(
    `Done: ${opened} connections opened and ${left} left (${subscribed} subscriptions) in ${options.warmupS + options.durationS} s; ${writer.writes} writes, ${allEvents} events measured.`,
  );
  say(`Latency per period, p50/p99: ${periods.map((p) => `${Math.round(p.p50)}/${Math.round(p.p99)}`).join(", ")} ms.`);
  say(
    `Errors: ${deliveries.errors} on the subscribers' side, ${writer.errors} writes failed.${report.errorSamples.length ? ` E.g. ${report.errorSamples.join(" | ")}` : ""}`,
  );
  say(
    `Heap after GC: ${heapBefore ? mb(heapBefore.heapUsedBytes) : "?"} before any subscriber; ${samples.map((s) => mb(s.heap.heapUsedBytes)).join(", ")} during; ` +
      `${heapAfter ? mb(heapAfter.heapUsedBytes) : "?"} after all left (${listeningAfter} subscriptions still listening), rss ${heapAfter ? mb(heapAfter.rssBytes) : "?"}.`,
  );
  say(`Heap slope (least squares over the measured samples): ${fit.toFixed(3)} MB per minute. Load average ${loadAverage()}.`);
  return report;
}

/** Sends `count` writes at the ramp's rate and waits for their events to arrive (or 30 s): the fan-out latency at this count. */
async function fanOut(run: Run, subscriptions: Subscription[], count: number, perSecond: number) {
  run.deliveries.takePeriod();
  const errorsBefore = run.deliveries.errors;
  let expected = 0;
  for (let i = 0; i < count; i++) {
    const next = Date.now() + 1000 / perSecond;
    expected += expectedDeliveries(subscriptions, await run.writer.write());
    await sleep(Math.max(0, next - Date.now()));
  }
  const deadline = Date.now() + 30_000;
  while (run.deliveries.events < expected && Date.now() < deadline) await sleep(100);
  return { expected, ...run.deliveries.takePeriod(), errors: run.deliveries.errors - errorsBefore };
}

async function ramp(run: Run, options: Options) {
  const steps: Record<string, unknown>[] = [];
  for (const per of [1, options.perConnection]) {
    const base = await serviceMemory(run.healthUrl, true);
    say(
      `Ramp, ${per} subscription(s) per connection: heap after GC ${base ? mb(base.heapUsedBytes) : "?"}, rss ${base ? mb(base.rssBytes) : "?"} with none; load average ${loadAverage()}.`,
    );
    const connections: Connection[] = [];
    const subscriptions: Subscription[] = [];
    for (let target = Math.min(250, options.max); ; target = Math.min(options.max, target * 2)) {
      const adding = Math.ceil((target - subscriptions.length) / per);
      const openedAt = Date.now();
      const added = await openConnections(run, subscriptions.length, adding, per);
      const openS = (Date.now() - openedAt) / 1000;
      connections.push(...added.connections);
      subscriptions.push(...added.subscriptions);
      const held = await untilListening(run.metricsUrl, subscriptions.length);
      const memory = await serviceMemory(run.healthUrl, true);
      const fan = await fanOut(run, subscriptions, 6, options.writesPerSecond);
      const step = {
        perConnection: per,
        connections: connections.length,
        subscriptionsHeld: held,
        refused: adding - added.connections.length,
        openSeconds: Number(openS.toFixed(1)),
        heapAfterGcBytes: memory?.heapUsedBytes ?? null,
        rssBytes: memory?.rssBytes ?? null,
        heapPerSubscriptionBytes: memory && base && held > 0 ? Math.round((memory.heapUsedBytes - base.heapUsedBytes) / held) : null,
        rssPerSubscriptionBytes: memory && base && held > 0 ? Math.round((memory.rssBytes - base.rssBytes) / held) : null,
        events: fan.events,
        eventsExpected: fan.expected,
        latencyMs: { p50: fan.p50, p99: fan.p99, max: fan.max },
        errors: fan.errors,
        loadAverage: os.loadavg()[0],
      };
      steps.push(step);
      say(
        `${held} subscriptions held on ${connections.length} connections (${step.refused} refused, ${openS.toFixed(1)} s to open): heap after GC ${memory ? mb(memory.heapUsedBytes) : "?"} ` +
          `(${step.heapPerSubscriptionBytes ?? "?"} B per subscription), rss ${memory ? mb(memory.rssBytes) : "?"} (${step.rssPerSubscriptionBytes ?? "?"} B per subscription); ` +
          `6 writes: ${fan.events}/${fan.expected} events, latency p50 ${ms(fan.p50)} p99 ${ms(fan.p99)} max ${ms(fan.max)}; errors ${fan.errors}; load average ${loadAverage()}.`,
      );
      if (target >= options.max || step.refused > 0 || fan.p99 > options.maxLatencyMs || fan.events < fan.expected) {
        if (target < options.max)
          say(
            `Stopped adding: ${step.refused > 0 ? "connections were refused" : fan.events < fan.expected ? "events went missing" : `p99 over ${ms(options.maxLatencyMs)}`}.`,
          );
        break;
      }
    }
    await Promise.all(connections.map((connection) => connection.leave()));
    await untilListening(run.metricsUrl, 0);
  }
  return {
    mode: "ramp",
    writesPerSecond: options.writesPerSecond,
    steps,
    writeErrors: run.writer.errors,
    errorSamples: [...run.deliveries.errorSamples, ...run.writer.errorSamples],
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(usage);
    return;
  }
  const key = randomBytes(24).toString("hex");
  const capacity = String(options.ramp ? options.max + 1_000 : options.connections * 2 + 100);
  const own = await startOwnService(say, {
    API_KEYS: `loadtest:write:${createHash("sha256").update(key).digest("hex")}`,
    METRICS_ENABLED: "true",
    // Every subscriber comes from this one client (one IP): the caps for one client are raised for the run.
    WS_MAX_CONNECTIONS_PER_CLIENT: capacity,
    HTTP_MAX_CONNECTIONS: capacity,
    WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: String(Math.max(options.perConnection, 20)),
  });
  stopOnSignal(own, say);
  try {
    const run: Run = {
      url: own.url,
      wsUrl: own.url.replace(/^http/, "ws"),
      healthUrl: new URL("/health/live", own.url).toString(),
      metricsUrl: new URL("/metrics", own.url).toString(),
      writer: new Writer(own.url, key),
      deliveries: new Deliveries(),
    };
    await run.writer.createTopics();
    const report = options.ramp ? await ramp(run, options) : await churn(run, options);
    if (options.json) {
      fs.writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
      say(`Report written to ${options.json}.`);
    }
  } finally {
    say("Stopping the service and the throw-away Neo4j...");
    await own.stop();
  }
}

main().catch((error: unknown) => {
  reportFailure(error, usage, "[loadtest:subscriptions] ");
  process.exit(1);
});
