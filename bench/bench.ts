/**
 * `npm run bench`: issue 6's benchmark. One run, one database, three contenders per scenario,
 * so every figure that matters is a ratio measured under the same noise.
 *
 * The steps: a dedicated database with the synthetic graph (database.ts), parameters picked
 * from it (params.ts), the three servers in processes of their own (servers/), one checked
 * request per scenario and contender (same answer everywhere, the service's round trips), a
 * warm-up, then load at each concurrency with the contenders interleaved (load.ts), and the
 * results written as JSON and Markdown (report.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import {
  COLD_START_REQUESTS,
  scenarioDocuments,
  startCountingStatements,
  statementChanges,
  statementExecutions,
  timeRequests,
  waitUntilReady,
  writeColdStartReport,
  type ColdStartVariant,
} from "./coldStart.js";
import { runScript, UsageError } from "../src/script.js";
import { defaultDataDir, openBenchDatabase, temporaryDataDir, waitForIdle } from "./database.js";
import type { Neo4jExecutor } from "../src/db/executor.js";
import { mergeRounds, quantile, runLoad, runRound, type LoadRound } from "./load.js";
import { pickParams, type BenchParams } from "./params.js";
import { profileScenarios } from "./profile.js";
import { machineInfo, renderReport, writeReport, type Measurement, type Probe, type RunResult } from "./report.js";
import { CONTENDERS, SCENARIOS, type ContenderId, type Scenario } from "./scenarios.js";
import { compileServers, startServer, type ServerProcess } from "./servers/spawn.js";
import { runCacheMix, type CacheMixResults } from "./cacheMix.js";
import { curatorEnv, runWrites, WRITE_SCENARIOS, type WriteResults, type WriteScenario } from "./writes.js";

const usage = `Usage: npm run bench -- [options]

Measures this GraphQL service against (b) one hand-written Cypher query per scenario behind a
plain node:http handler and (c) @neo4j/graphql 7, on the same synthetic graph in one run:
p50/p95/p99 latency and requests/s at each concurrency, the service's Cypher round trips, and
a check that all three return the same answer. Writes results.json and RESULTS.md.

Sizes:
  --people N         people in the synthetic graph (default 10000)
  --meetings M       meetings (default 100000)
  --seed S           generator seed (default 1)
  --large            100000 people and 1000000 meetings
  --quick            a tiny graph in a throw-away Neo4j and 0.3-second runs: under two
                     minutes, to check that the benchmark works (results go to a temp dir)

Database (a local Neo4j of its own unless NEO4J_URI is set; the graph is loaded only when
the data directory does not hold it yet, and a Neo4j started here is stopped at the end):
  --data-dir DIR     default: <tmp>/meetgraph-bench/<people>-<meetings>-seed<seed>-gen<generation>
  --bolt-port P      default: a free port
  --heap SIZE        JVM heap (default 2g)
  --page-cache SIZE  page cache (default 3g)
  --batch B          rows per load transaction (default 2000)

Load:
  --duration S       seconds per measurement (default 10)
  --rounds R         each measurement is taken in R rounds of S/R seconds, interleaved with the
                     other contenders' (default 3; --quick: 1)
  --warmup S         seconds of warm-up per scenario and contender (default 5)
  --concurrency L    comma-separated connection counts (default 1,8,32)
  --scenarios L      comma-separated scenario ids (default all: ${SCENARIOS.map((s) => s.id).join(",")},
                     and the writes ${WRITE_SCENARIOS.map((s) => s.id).join(",")})
  --writes           only the write scenarios: curation mutations, article ingest and proposal
                     acceptance through the service as a curator against one hand-written write
                     transaction each (bench/writes.ts); they make and remove their own
                     entities, so the graph is unchanged after
  --write-concurrency L  comma-separated connection counts for the writes (default 1,8)
  --cache            only the response cache mix (bench/cacheMix.ts): the pages for Zipf-popular
                     people and meetings with one write in a hundred, against the service with
                     RESPONSE_CACHE on, the service with it off and the floor, then a check of
                     every read against the floor's; a full run (no --scenarios, --writes or
                     --cache) includes it
  --cache-concurrency L  comma-separated connection counts for the cache mix (default 1,32;
                     --quick: 1,8)
  --cache-duration S seconds per cache-mix measurement, in --rounds interleaved rounds, after a
                     warm-up of one round per contender (default 60; --quick: 0.6)

Output:
  --out DIR          where results.json and RESULTS.md go (default bench/; --quick: a temp dir)
  --report           no run: regenerate RESULTS.md in --out from its results.json
  --profile          no load: PROFILE the service's statements and the floor's for each
                     scenario and write them to profiles/PROFILE-<people>-<meetings>.md in --out
  --cold-start       no load: restart Neo4j and the service, without and then with the
                     service's warm-up, and time the first requests after /health/ready
                     against warm ones; writes cold-start.json and COLD-START.md in --out
                     (needs the benchmark's own Neo4j: not with NEO4J_URI)
  --help             show this help`;

const here = path.dirname(new URL(import.meta.url).pathname);

interface Options {
  graph: { people: number; meetings: number; seed: number };
  quick: boolean;
  profile: boolean;
  report: boolean;
  coldStart: boolean;
  dataDir: string | undefined;
  boltPort: number | undefined;
  heap: string;
  pageCache: string;
  batch: number;
  duration: number;
  rounds: number;
  warmup: number;
  concurrency: number[];
  scenarios: Scenario[];
  writes: WriteScenario[];
  writeConcurrency: number[];
  cache: boolean;
  cacheConcurrency: number[];
  cacheDuration: number;
  out: string;
}

const positive = (name: string, value: string | undefined, fallback: number, integer = true) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n > 0) || (integer && !Number.isInteger(n))) throw new UsageError(`--${name} must be a positive ${integer ? "whole " : ""}number, got "${value}".`);
  return n;
};

const size = (name: string, value: string | undefined, fallback: string) => {
  if (value !== undefined && !/^\d+[mg]$/i.test(value)) throw new UsageError(`--${name} must look like 512m or 2g, got "${value}".`);
  return value ?? fallback;
};

function parseOptions(args: string[]): Options | null {
  const { values } = parseArgs({
    args,
    options: {
      people: { type: "string" },
      meetings: { type: "string" },
      seed: { type: "string" },
      large: { type: "boolean" },
      quick: { type: "boolean" },
      "data-dir": { type: "string" },
      "bolt-port": { type: "string" },
      heap: { type: "string" },
      "page-cache": { type: "string" },
      batch: { type: "string" },
      duration: { type: "string" },
      rounds: { type: "string" },
      warmup: { type: "string" },
      concurrency: { type: "string" },
      scenarios: { type: "string" },
      writes: { type: "boolean" },
      "write-concurrency": { type: "string" },
      out: { type: "string" },
      profile: { type: "boolean" },
      report: { type: "boolean" },
      "cold-start": { type: "boolean" },
      cache: { type: "boolean" },
      "cache-concurrency": { type: "string" },
      "cache-duration": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return null;
  if (values.large && values.quick) throw new UsageError("--large and --quick exclude each other.");
  if (values["cold-start"] && process.env.NEO4J_URI) throw new UsageError("--cold-start restarts Neo4j, so it needs the benchmark's own: unset NEO4J_URI.");
  const preset = values.quick
    ? { people: 200, meetings: 1_000, duration: 0.3, warmup: 0.2 }
    : values.large
      ? { people: 100_000, meetings: 1_000_000, duration: 10, warmup: 5 }
      : { people: 10_000, meetings: 100_000, duration: 10, warmup: 5 };
  const concurrency = (values.concurrency ?? "1,8,32").split(",").map((c) => positive("concurrency", c.trim(), 1));
  if (values.writes && values.scenarios) throw new UsageError("--writes selects the write scenarios; give --scenarios alone to pick some of them.");
  if (values.cache && (values.writes || values.scenarios))
    throw new UsageError("--cache runs the cache mix alone; leave out --writes and --scenarios, or run them separately.");
  const selected = Boolean(values.writes || values.scenarios || values.cache);
  const wanted = values.scenarios?.split(",").map((s) => s.trim());
  const known = [...SCENARIOS, ...WRITE_SCENARIOS].map((s) => s.id);
  for (const id of wanted ?? []) if (!known.includes(id)) fail(`Unknown scenario "${id}"; the scenarios are ${known.join(", ")}.`);
  const scenarios = values.writes || values.cache ? [] : wanted ? SCENARIOS.filter((s) => wanted.includes(s.id)) : SCENARIOS;
  const writes = values.cache ? [] : wanted ? WRITE_SCENARIOS.filter((s) => wanted.includes(s.id)) : WRITE_SCENARIOS;
  const writeConcurrency = (values["write-concurrency"] ?? "1,8").split(",").map((c) => positive("write-concurrency", c.trim(), 1));
  return {
    graph: {
      people: positive("people", values.people, preset.people),
      meetings: positive("meetings", values.meetings, preset.meetings),
      seed: positive("seed", values.seed, 1),
    },
    quick: values.quick ?? false,
    profile: values.profile ?? false,
    report: values.report ?? false,
    coldStart: values["cold-start"] ?? false,
    dataDir: values["data-dir"],
    boltPort: values["bolt-port"] === undefined ? undefined : positive("bolt-port", values["bolt-port"], 0),
    heap: size("heap", values.heap, values.quick ? "512m" : "2g"),
    pageCache: size("page-cache", values["page-cache"], values.quick ? "256m" : "3g"),
    batch: positive("batch", values.batch, 2_000),
    duration: positive("duration", values.duration, preset.duration, false),
    rounds: positive("rounds", values.rounds, values.quick ? 1 : 3),
    warmup: positive("warmup", values.warmup, preset.warmup, false),
    concurrency,
    scenarios,
    writes,
    writeConcurrency,
    cache: values.cache ?? !selected,
    cacheConcurrency: (values["cache-concurrency"] ?? (values.quick ? "1,8" : "1,32")).split(",").map((c) => positive("cache-concurrency", c.trim(), 1)),
    cacheDuration: positive("cache-duration", values["cache-duration"], values.quick ? 0.6 : 60, false),
    out: values.out ?? (values.quick ? fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-bench-results-")) : here),
  };
}

function fail(message: string): never {
  throw new UsageError(message);
}

const started = Date.now();
const say = (message: string) => console.log(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${message}`);

/** The request each contender gets for a scenario: the path and the JSON body. */
function request(contender: ContenderId, scenario: Scenario, params: BenchParams): { path: string; body: string } | null {
  if (contender === "floor") return { path: `/${scenario.id}`, body: JSON.stringify(scenario.floor.params(params)) };
  const call = contender === "service" ? scenario.service : scenario.neo4jGraphql;
  if (!call) return null;
  const document = call.persistedHash ? { extensions: { persistedQuery: { version: 1, sha256Hash: call.persistedHash } } } : { query: call.query };
  return { path: "/graphql", body: JSON.stringify({ ...document, variables: call.variables(params) }) };
}

/** One request, read in full: is it a success, what is its answer, and what did it cost the service. */
async function probe(contender: ContenderId, scenario: Scenario, params: BenchParams, server: ServerProcess): Promise<Probe> {
  const req = request(contender, scenario, params)!;
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${server.port}${req.path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: req.body,
  });
  const ms = performance.now() - started;
  const json = (await response.json()) as { data?: any; errors?: { message: string }[]; extensions?: { cypherRoundTrips?: number } };
  if (response.status !== 200 || json.errors) {
    return { ok: false, error: `HTTP ${response.status}: ${json.errors?.map((e) => e.message).join("; ") ?? "no body"}`, ms };
  }
  const call = contender === "neo4jGraphql" ? scenario.neo4jGraphql! : scenario.service;
  return { ok: true, answer: call.answer(json.data), roundTrips: json.extensions?.cypherRoundTrips, bytes: JSON.stringify(json).length, ms };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(usage);
    return 0;
  }
  if (options.report) {
    say(`Wrote ${renderReport(options.out)}.`);
    return 0;
  }
  const startedAt = new Date();
  const scratch = options.quick && !options.dataDir ? temporaryDataDir() : null;
  const dataDir = options.dataDir ?? scratch?.dir ?? defaultDataDir(options.graph);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-bench-logs-"));
  const loadBefore = os.loadavg();
  let database = await openBenchDatabase({ ...options, dataDir }, say);
  const servers: ServerProcess[] = [];
  try {
    say("Picking parameters from the graph...");
    const params = await pickParams(database.db);
    say(`Parameters: ${JSON.stringify(params)}`);
    if (options.profile) {
      const file = path.join(options.out, "profiles", `PROFILE-${options.graph.people}-${options.graph.meetings}.md`);
      await profileScenarios(database.target, options.scenarios, params, file);
      say(`Wrote ${file}.`);
      return 0;
    }

    say("Compiling the servers into bench/dist/...");
    compileServers();
    if (options.coldStart) {
      const variants: ColdStartVariant[] = [];
      for (const warmup of [false, true]) {
        say(`Cold start ${warmup ? "with" : "without"} the service's warm-up: restarting Neo4j...`);
        await database.close();
        database = await openBenchDatabase({ ...options, dataDir }, say);
        await startCountingStatements(database.db);
        const since = Date.now();
        const env: Record<string, string> = warmup ? { BENCH_WARMUP_DOCUMENTS: JSON.stringify(scenarioDocuments(options.scenarios, params)) } : {};
        const server = await startServer("service", database.target, path.join(logDir, `service-cold-${warmup}.log`), env);
        servers.push(server);
        const readySeconds = await waitUntilReady(server, since);
        const atReady = await statementExecutions(database.db);
        const first = await timeRequests(server, options.scenarios, params, COLD_START_REQUESTS);
        const duringFirst = statementChanges(atReady, await statementExecutions(database.db));
        await timeRequests(server, options.scenarios, params, COLD_START_REQUESTS);
        const warm = await timeRequests(server, options.scenarios, params, COLD_START_REQUESTS);
        variants.push({ warmup, readySeconds, first, warm, duringFirst });
        say(
          `  ready after ${readySeconds.toFixed(1)} s; first p99 ${first.p99} ms (max ${first.max}), warm p99 ${warm.p99} ms; ${first.failures + warm.failures} failures; ` +
            `the first requests: statements planned ${duringFirst.planned}, replanned ${duringFirst.replanned}; slowest ${first.slowest.map((t) => `${t.scenario} #${t.position} ${t.ms} ms`).join(", ")}`,
        );
        await server.stop();
        servers.splice(servers.indexOf(server), 1);
      }
      say(`Wrote ${writeColdStartReport(options.out, { date: startedAt.toISOString(), sizes: options.graph, variants }).join(" and ")}.`);
      return 0;
    }
    say(`Starting the three servers (logs in ${logDir})...`);
    // Only the service when the run has no read scenarios (and the floor for the cache mix's reads); it knows the write scenarios' curator.
    const contenders: ContenderId[] = options.scenarios.length > 0 ? CONTENDERS : options.cache ? ["service", "floor"] : ["service"];
    servers.push(
      ...(await Promise.all(contenders.map((id) => startServer(id, database.target, path.join(logDir, `${id}.log`), id === "service" ? curatorEnv : {})))),
    );
    const serverOf = (id: ContenderId) => servers.find((s) => s.id === id)!;

    const measurements: Measurement[] = [];
    const probes: RunResult["probes"] = {};
    for (const scenario of options.scenarios) {
      say(scenario.title);
      const checked: Partial<Record<ContenderId, Probe>> = {};
      for (const contender of CONTENDERS) {
        if (!request(contender, scenario, params)) continue;
        checked[contender] = await probe(contender, scenario, params, serverOf(contender));
      }
      // The floor's answer is the reference: the other two must compute the same thing.
      const reference = checked.floor?.ok ? checked.floor.answer : undefined;
      for (const p of Object.values(checked)) {
        if (!p.ok || reference === undefined) continue;
        p.sameAnswerAsFloor = isDeepStrictEqual(p.answer, reference);
        if (!p.sameAnswerAsFloor) say(`  first difference from the floor's answer: ${firstDifference(p.answer, reference)}`);
      }
      probes[scenario.id] = checked;
      for (const [contender, p] of Object.entries(checked)) {
        say(
          `  ${contender.padEnd(12)} ${p.ok ? `${p.ms.toFixed(0)} ms, ${p.sameAnswerAsFloor === undefined ? "no reference answer" : p.sameAnswerAsFloor ? "same answer as the floor" : "ANSWER DIFFERS FROM THE FLOOR"}${p.roundTrips === undefined ? "" : `, ${p.roundTrips} round trips`}` : `FAILED: ${p.error}`}`,
        );
      }
      const runnable = CONTENDERS.filter((c) => checked[c]?.ok);
      for (const contender of runnable) {
        await runLoad(target(contender, scenario, params, serverOf(contender)), 8, options.warmup);
        await waitForIdle(database.db);
      }
      for (const [i, connections] of options.concurrency.entries()) {
        // Each contender's measurement is split into rounds, interleaved with the others' and their order rotated each
        // round, so that drift in the machine's load (other work, Neo4j's own housekeeping) spreads over all three.
        const rounds = new Map<ContenderId, LoadRound[]>(runnable.map((c) => [c, []]));
        const drained = new Map<ContenderId, number>(runnable.map((c) => [c, 0]));
        for (let round = 0; round < options.rounds; round++) {
          for (let k = 0; k < runnable.length; k++) {
            const contender = runnable[(k + i + round) % runnable.length]!;
            rounds
              .get(contender)!
              .push(await runRound(target(contender, scenario, params, serverOf(contender)), connections, options.duration / options.rounds));
            drained.set(contender, drained.get(contender)! + (await waitForIdle(database.db)));
          }
        }
        for (const contender of runnable) {
          const result = mergeRounds(connections, rounds.get(contender)!);
          measurements.push({ scenario: scenario.id, contender, ...result, drainSeconds: drained.get(contender)! });
          const failures = result.failures.non200 + result.failures.graphqlErrors + result.failures.transport;
          say(
            `  c=${String(connections).padEnd(3)} ${contender.padEnd(12)} p50 ${result.p50} ms  p95 ${result.p95}  p99 ${result.p99}  ${result.rps} req/s${failures ? `  ${failures} FAILED` : ""}`,
          );
        }
      }
    }

    let writes: WriteResults | undefined;
    if (options.writes.length > 0) {
      const floor = await startServer("writeFloor", database.target, path.join(logDir, "writeFloor.log"));
      try {
        const settings = { ...options, concurrency: options.writeConcurrency };
        writes = await runWrites(options.writes, settings, { service: serverOf("service"), floor }, database.db, say);
      } finally {
        await floor.stop();
      }
    }

    let cache: CacheMixResults | undefined;
    if (options.cache) {
      say("The response cache: the pages for Zipf-popular people and meetings, one write in a hundred (bench/cacheMix.ts)");
      const cached = await startServer("service", database.target, path.join(logDir, "service-cached.log"), { ...curatorEnv, BENCH_RESPONSE_CACHE: "on" });
      try {
        const settings = {
          concurrency: options.cacheConcurrency,
          duration: options.cacheDuration,
          rounds: options.rounds,
          warmup: options.cacheDuration / options.rounds,
          checkReads: options.quick ? 300 : 3_000,
        };
        cache = await runCacheMix(
          settings,
          { cached: cached.port, service: serverOf("service").port, floor: serverOf("floor").port },
          params,
          database.db,
          say,
        );
      } finally {
        await cached.stop();
      }
    }

    // Last, when the servers and Neo4j are warm: measured first, a round trip took 6 to 9 ms instead of 1 to 2.
    say("Fixed costs: a request that reads nothing, and one statement...");
    const fixedCosts = await measureFixedCosts(servers, database.db, Math.min(3, options.duration));
    say(`  ${JSON.stringify(fixedCosts)}`);

    const result: RunResult = {
      date: startedAt.toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: { ...machineInfo(), neo4j: database.neo4jVersion, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg() },
      sizes: options.graph,
      quick: options.quick,
      settings: {
        heap: options.heap,
        pageCache: options.pageCache,
        duration: options.duration,
        rounds: options.rounds,
        warmup: options.warmup,
        concurrency: options.concurrency,
        loadSeconds: database.loadSeconds,
        database: database.target.uri,
      },
      params,
      fixedCosts,
      probes,
      measurements,
      ...(writes && { writes }),
      ...(cache && { cache }),
    };
    const written = writeReport(options.out, result);
    say(`Wrote ${written.join(" and ")}.`);
    return 0;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.close();
    scratch?.remove();
  }
}

/**
 * What every request pays before any scenario's work: p50 of a request that reads nothing at
 * concurrency 1 (`{ __typename }`; the floor's /noop), and of one read of `RETURN 1`
 * through the service's executor, the unit a Cypher round trip costs.
 */
async function measureFixedCosts(servers: ServerProcess[], db: Neo4jExecutor, seconds: number): Promise<RunResult["fixedCosts"]> {
  const noDatabaseP50: Partial<Record<ContenderId, number | null>> = {};
  for (const server of servers) {
    const floor = server.id === "floor";
    const load = { url: `http://127.0.0.1:${server.port}${floor ? "/noop" : "/graphql"}`, body: floor ? "{}" : JSON.stringify({ query: "{ __typename }" }) };
    await runLoad(load, 1, Math.min(1, seconds));
    noDatabaseP50[server.id] = (await runLoad(load, 1, seconds)).p50;
  }
  const times: number[] = [];
  for (let i = 0; i < 250; i++) {
    const t = performance.now();
    await db.read("bench.roundTrip", "RETURN 1 AS one");
    if (i >= 50) times.push(performance.now() - t);
  }
  return {
    noDatabaseP50,
    roundTripP50: quantile(
      times.sort((x, y) => x - y),
      0.5,
    ),
  };
}

/** Where `x` and `y` first differ, as a path with both values, for the log when an answer differs from the floor's. */
function firstDifference(x: unknown, y: unknown, path = "data"): string {
  if (x !== null && y !== null && typeof x === "object" && typeof y === "object" && Array.isArray(x) === Array.isArray(y)) {
    const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
    for (const key of keys) {
      const [a, b] = [(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]];
      if (!isDeepStrictEqual(a, b)) return firstDifference(a, b, `${path}.${key}`);
    }
  }
  return `${path}: ${JSON.stringify(x)?.slice(0, 300)} against ${JSON.stringify(y)?.slice(0, 300)}`;
}

function target(contender: ContenderId, scenario: Scenario, params: BenchParams, server: ServerProcess) {
  const req = request(contender, scenario, params)!;
  return { url: `http://127.0.0.1:${server.port}${req.path}`, body: req.body };
}

runScript(main, usage);
