/**
 * `npm run loadtest`: sustained load on a running meetgraph for minutes (issue 8), to show it
 * holds up: throughput, latency percentiles, error rate, and the service's heap over the run
 * (from /health/live), so a leak shows as a heap that keeps climbing. Not part of `npm test`.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { reportFailure, UserFacingError } from "../src/script.js";
import { QUERY_MIX } from "./queries.js";
import { mb, ms, percentile, seconds, serviceMemory, sleep, startOwnService, stopOnSignal } from "./service.js";

const usage = `Usage: npm run loadtest -- [options]

Holds sustained load on meetgraph (a mix of ${QUERY_MIX.length} read queries over the seed graph) and
reports throughput, latency percentiles, the error rate, and the service's heap over the run.

  --url URL           the GraphQL endpoint to load (default http://localhost:4000/graphql, i.e. \`npm start\`);
                      the heap is read from /health/live beside it
  --start             instead: start a throw-away Neo4j (seed graph) and the service (\`src/main.ts\`,
                      NODE_ENV=production, DEBUG_EXTENSIONS=true), load them, stop them and delete the data afterwards
  --duration D        how long to hold the load, after the warm-up: 90s, 5m (default 5m)
  --warmup D          load before the measurement, not counted (default 20s)
  --connections N     concurrent connections (default 16)
  --progress D        print a progress line this often (default 15s)
  --json FILE         also write the report as JSON
  --help              this text

Errors are non-2xx answers, answers with GraphQL errors, transport errors and timeouts (10 s);
the warm-up's are reported apart (a cold Neo4j can take seconds for its first queries).
The heap is sampled every second (its range is shown per period) and at the end of each
period; with --start the service runs with --expose-gc and collects garbage before that
sample, so those figures are live objects only: the numbers to compare between the start and
the end of a run. Against --url they are plain samples, noisier.`;

interface Options {
  url: string;
  start: boolean;
  durationS: number;
  warmupS: number;
  connections: number;
  progressS: number;
  json?: string;
}

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: "string", default: "http://localhost:4000/graphql" },
      start: { type: "boolean", default: false },
      duration: { type: "string", default: "5m" },
      warmup: { type: "string", default: "20s" },
      connections: { type: "string", default: "16" },
      progress: { type: "string", default: "15s" },
      json: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return null;
  const connections = Number(values.connections);
  if (!Number.isInteger(connections) || connections < 1) throw new UserFacingError(`--connections must be a positive integer (got ${values.connections})`);
  return {
    url: values.url,
    start: values.start,
    durationS: seconds(values.duration, "duration"),
    warmupS: seconds(values.warmup, "warmup"),
    connections,
    progressS: seconds(values.progress, "progress"),
    json: values.json,
  };
}

const say = (message: string) => console.log(`[loadtest] ${message}`);

interface Window {
  startS: number;
  requests: number;
  errors: number;
  latencies: number[];
  heap: number[];
  rss: number[];
  /** The heap at the end of the period, after a collection when --start (otherwise a plain sample). */
  heapAfterGc?: number;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(usage);
    return;
  }
  const own = options.start ? await startOwnService(say) : null;
  // Ctrl-C: what --start started is stopped and deleted all the same.
  stopOnSignal(own, say);
  try {
    const url = own?.url ?? options.url;
    const healthUrl = new URL("/health/live", url).toString();
    if (!(await serviceMemory(healthUrl))) {
      throw new UserFacingError(`No meetgraph answers at ${healthUrl}. Start it (\`npm start\`), point --url at it, or use --start.`);
    }
    await run(url, healthUrl, options);
  } finally {
    if (own) {
      say("Stopping the service and the throw-away Neo4j...");
      await own.stop();
    }
  }
}

async function run(url: string, healthUrl: string, options: Options): Promise<void> {
  const target = new URL(url);
  const requests = QUERY_MIX.map((q) => ({
    method: "POST",
    path: target.pathname,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: q.query, variables: q.variables ?? {} }),
  }));
  let graphqlErrors = 0;
  let rateLimited = 0;
  const totalS = options.warmupS + options.durationS;
  say(
    `Loading ${url} for ${options.warmupS} s of warm-up and ${options.durationS} s measured, ${options.connections} connections, ` +
      `${QUERY_MIX.length} queries in turn (${QUERY_MIX.map((q) => q.name).join(", ")}).`,
  );

  // autocannon's types (bench/autocannon.d.ts) cover one request; it also takes a sequence of them, each connection in turn.
  const instance = autocannon(
    {
      url: target.origin,
      requests,
      connections: options.connections,
      duration: totalS,
      timeout: 10,
      verifyBody: (body: string) => {
        const ok = !body.includes('"errors":');
        if (!ok) graphqlErrors += 1;
        return ok;
      },
    } as Parameters<typeof autocannon>[0],
    () => {},
  );

  const started = Date.now();
  const windows: Window[] = [];
  const newWindow = (): Window => ({ startS: (Date.now() - started) / 1000, requests: 0, errors: 0, latencies: [], heap: [], rss: [] });
  let window = newWindow();
  let measuring = options.warmupS === 0;
  let errorsBefore = 0;
  instance.on("response", (_client, statusCode, _bytes, responseTimeMs) => {
    window.requests += 1;
    window.latencies.push(responseTimeMs);
    if (statusCode < 200 || statusCode >= 300) window.errors += 1;
    if (statusCode === 429) rateLimited += 1;
  });
  // A request that got no answer (a timeout, a reset connection): an error of the period it happened in.
  (instance as unknown as NodeJS.EventEmitter).on("reqError", () => {
    window.errors += 1;
  });
  const done = new Promise<{ errors: number; timeouts: number }>((resolve) => instance.on("done", resolve));

  const heapBefore = await serviceMemory(healthUrl, true);
  // The service collects garbage on request only when it runs with --expose-gc and DEBUG_EXTENSIONS (--start): then the heap figures are live objects only.
  const gcWorks = Boolean(options.start);
  const gcWord = gcWorks ? "after GC" : "sampled";
  let finished = false;
  void done.then(() => (finished = true));
  let lastProgress = Date.now();
  while (!finished) {
    await sleep(1_000);
    const memory = await serviceMemory(healthUrl);
    if (memory) {
      window.heap.push(memory.heapUsedBytes);
      window.rss.push(memory.rssBytes);
    }
    const elapsedS = (Date.now() - started) / 1000;
    if (!measuring && elapsedS >= options.warmupS) {
      measuring = true;
      errorsBefore = graphqlErrors;
      say(`Warm-up done: ${window.requests} requests; measuring from now.`);
      window = newWindow();
      lastProgress = Date.now();
      continue;
    }
    if (measuring && (Date.now() - lastProgress >= options.progressS * 1000 || finished)) {
      window.heapAfterGc = (await serviceMemory(healthUrl, true))?.heapUsedBytes;
      window.errors += graphqlErrors - errorsBefore;
      errorsBefore = graphqlErrors;
      windows.push(window);
      const periodS = (Date.now() - lastProgress) / 1000;
      const sorted = [...window.latencies].sort((a, b) => a - b);
      say(
        `${Math.round(elapsedS - options.warmupS)}/${options.durationS} s: ${(window.requests / periodS).toFixed(0)} req/s, ` +
          `p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, errors ${window.errors}, ` +
          `heap ${mb(Math.min(...window.heap))}–${mb(Math.max(...window.heap))}${window.heapAfterGc ? ` (${mb(window.heapAfterGc)} ${gcWord})` : ""}, rss ${mb(Math.max(...window.rss))}`,
      );
      window = newWindow();
      lastProgress = Date.now();
    }
  }
  const result = await done;
  await sleep(2_000);
  const heapAfter = await serviceMemory(healthUrl, true);

  // The totals cover the warm-up too (autocannon's); the report's rates are of the measured windows.
  const measured = windows.filter((w) => w.requests > 0);
  const requestsMeasured = measured.reduce((n, w) => n + w.requests, 0);
  const errorsMeasured = measured.reduce((n, w) => n + w.errors, 0);
  const allLatencies = measured.flatMap((w) => w.latencies).sort((a, b) => a - b);
  const settled = (w: Window | undefined) => w?.heapAfterGc ?? 0;
  const first = measured[0];
  const last = measured.at(-1);
  const report = {
    url,
    connections: options.connections,
    durationS: options.durationS,
    warmupS: options.warmupS,
    queries: QUERY_MIX.map((q) => q.name),
    requests: requestsMeasured,
    requestsPerSecond: Math.round(requestsMeasured / options.durationS),
    errors: errorsMeasured,
    errorRate: requestsMeasured === 0 ? 0 : errorsMeasured / requestsMeasured,
    rateLimited,
    transportErrors: result.errors,
    timeouts: result.timeouts,
    latencyMs: {
      p50: Math.round(percentile(allLatencies, 50)),
      p90: Math.round(percentile(allLatencies, 90)),
      p99: Math.round(percentile(allLatencies, 99)),
      max: Math.round(allLatencies.at(-1) ?? 0),
    },
    heap: {
      afterGc: gcWorks,
      beforeLoadBytes: heapBefore?.heapUsedBytes ?? null,
      endOfFirstPeriodBytes: settled(first),
      endOfLastPeriodBytes: settled(last),
      afterLoadBytes: heapAfter?.heapUsedBytes ?? null,
      endOfEachPeriodBytes: measured.map(settled),
      rssAfterBytes: heapAfter?.rssBytes ?? null,
    },
  };
  console.log("");
  say(`Done: ${report.requests} requests in ${options.durationS} s measured, ${report.requestsPerSecond} req/s, ${options.connections} connections.`);
  say(`Latency: p50 ${ms(report.latencyMs.p50)}, p90 ${ms(report.latencyMs.p90)}, p99 ${ms(report.latencyMs.p99)}, max ${ms(report.latencyMs.max)}.`);
  say(
    `Errors: ${report.errors} (${(report.errorRate * 100).toFixed(3)} %); in the whole run with the warm-up, transport errors ${report.transportErrors}, of them timeouts ${report.timeouts}.`,
  );
  if (rateLimited > 0) say(`${rateLimited} answers were 429 (rate limited): run the service with RATE_LIMIT_PER_MINUTE=0 to load it from one client.`);
  say(
    `Heap ${gcWord}: ${heapBefore ? mb(heapBefore.heapUsedBytes) : "?"} before the load; ${mb(report.heap.endOfFirstPeriodBytes)} after the first period, ` +
      `${mb(report.heap.endOfLastPeriodBytes)} after the last; ${heapAfter ? mb(heapAfter.heapUsedBytes) : "?"} after the load (rss ${heapAfter ? mb(heapAfter.rssBytes) : "?"}).`,
  );
  say(`Heap ${gcWord} at the end of each period: ${report.heap.endOfEachPeriodBytes.map(mb).join(", ")}.`);
  if (options.json) {
    fs.writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    say(`Report written to ${options.json}.`);
  }
}

main().catch((error: unknown) => {
  reportFailure(error, usage, "[loadtest] ");
  process.exit(1);
});
