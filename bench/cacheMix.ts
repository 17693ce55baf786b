/**
 * The response cache against the floor (issue 24): the web app's page operations (pages.ts, as the
 * app sends them) for people and meetings drawn by popularity from a Zipf distribution, with one
 * write in a hundred, against (a) the service with RESPONSE_CACHE=on, (a') the same service with it
 * off, and (b) the floor answering the same reads with its hand-written statements.
 *
 * The write is `createMeeting` of a meeting of the benchmark's own, attended by a popular person
 * of the graph and one of the benchmark's people (writes.ts's fixtures): the popular person's page
 * and timeline show it at once. Every contender's writes go through (a): a write that bypassed it
 * would leave its cache stale for the next round (docs/operations.md, "Response cache"), so (a')
 * and (b) pay the service's write for their one request in a hundred. Everything written is
 * removed at the end, and the graph's counts before and after are reported.
 *
 * Then a correctness run: readers send the mix to (a) and the same read to (b) right after; when
 * no write was in flight from one to the other, both answered the same state of the database and
 * must be equal. After each acknowledged write, the written person's pages (read from (a) just
 * before, so that they were cached) are read again from both.
 */
import http from "node:http";
import { isDeepStrictEqual } from "node:util";
import type { Neo4jExecutor } from "../src/db/executor.js";
import { random } from "../src/seed/synthetic.js";
import { waitForIdle } from "./database.js";
import { mergeRounds, type LoadResult, type LoadRound } from "./load.js";
import { PAGES } from "./pages.js";
import type { BenchParams } from "./params.js";
import {
  attendance,
  authorization,
  countGraph,
  personId,
  removeWrites,
  slot,
  WRITE_PREFIX,
  WRITE_SCENARIOS,
  writeFixtures,
  writeSucceeded,
  type GraphCounts,
} from "./writes.js";
import { zipf } from "./zipf.js";

export type CacheContender = "cached" | "service" | "floor";
export const CACHE_CONTENDERS: CacheContender[] = ["cached", "service", "floor"];

/** How many people and meetings the Zipf ranks cover, its exponent, and the share of writes. */
const POPULAR = 500;
const ZIPF_EXPONENT = 1;
const WRITE_SHARE = 0.01;

/**
 * The synthetic people who attended a meeting, and the synthetic meetings. Who is popular is drawn
 * at random (seeded) from them rather than by how busy they are: the busiest person's page ranks
 * every counterpart of thousands of meetings (params.ts), and a mix led by a few such pages would
 * measure them rather than a cache. Popularity follows the ranks; what a page costs does not.
 */
const CANDIDATES = `
CALL () { MATCH (p:Person) WHERE p.id STARTS WITH 'syn-person-' AND EXISTS { (p)-[:ATTENDED]->() } RETURN collect({id: p.id, name: p.name}) AS people }
CALL () { MATCH (m:Meeting) WHERE m.id STARTS WITH 'syn-meeting-' RETURN collect(m.id) AS meetings }
RETURN people, meetings`;

/** `k` of `items` in a seeded random order: rank 0 the most popular. */
function popularOf<T>(items: T[], k: number, rng: () => number): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.slice(0, k);
}

const LOCKS_HELD = `MATCH (lock:CurationLock) WHERE lock.key IN $keys RETURN collect(lock.key) AS keys`;
/** The popular people's locks the run's writes made (the benchmark's own are removed with its entities). */
const REMOVE_LOCKS = `MATCH (lock:CurationLock) WHERE lock.key IN $keys AND NOT lock.key IN $kept DELETE lock`;

const CREATE_MEETING = WRITE_SCENARIOS.find((s) => s.id === "createMeeting")!;
const writeSucceededHere = writeSucceeded(CREATE_MEETING.field);

type CacheMeasurement = LoadResult & {
  contender: CacheContender;
  drainSeconds: number;
  writes: number;
  /** (a) only: the share of its reads answered from the cache (no Cypher), over all rounds and per round. */
  hitRatio: number | null;
  roundHitRatios: number[];
  /** (a) only: the share per page operation (PAGES' ids), over all rounds: which pages writes keep making old. */
  hitRatioByOperation?: Record<string, number>;
};

interface CacheCorrectness {
  /** Reads sent to (a) and then to (b); checked: those with no write in flight between them. */
  reads: number;
  checked: number;
  /** Among the checked: the written person's pages read right after each acknowledged write. */
  afterWrite: number;
  writes: number;
  /** Checked reads where (a)'s answer differed from (b)'s. */
  stale: number;
  examples: string[];
  /** (a)'s share of the readers' reads answered from the cache. */
  hitRatio: number;
}

/** (a)'s cache lookups by result (its /metrics), over the warm-ups and the measurements: a miss found nothing stored, an outdated lookup an answer a write had touched. */
type Lookups = Record<"hit" | "miss" | "outdated" | "unavailable", number> & { stores: number; raced: number; invalidations: number; touchedTags: number };

export interface CacheMixResults {
  popular: { people: number; meetings: number };
  lookups: Lookups;
  operations: string[];
  zipfExponent: number;
  writeShare: number;
  concurrency: number[];
  measurements: CacheMeasurement[];
  correctness: CacheCorrectness;
  countsBefore: GraphCounts;
  countsAfter: GraphCounts;
}

interface CacheMixOptions {
  concurrency: number[];
  /** Seconds per measurement, split into interleaved rounds. */
  duration: number;
  rounds: number;
  warmup: number;
  /** Reads in the correctness run. */
  checkReads: number;
}

interface MixRequest {
  port: number;
  path: string;
  body: string;
  headers?: Record<string, string>;
  write: boolean;
  /** A read's page operation (its index in PAGES). */
  op?: number;
}

/** Each rank's page operations, as (a) and (b) are sent them: the bodies are made once, before any load. */
interface Pages {
  service: string[][];
  floor: { path: string; body: string }[][];
  people: string[];
}

function pagesOf(popular: { people: { id: string; name: string }[]; meetings: string[] }, params: BenchParams): Pages {
  const ranks = popular.people.map((person, r) => ({
    ...params,
    page: { ...params.page, personId: person.id, personName: person.name, meetingId: popular.meetings[r] ?? params.page.meetingId },
  }));
  return {
    service: ranks.map((p) =>
      PAGES.map((s) =>
        JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: s.service.persistedHash } }, variables: s.service.variables(p) }),
      ),
    ),
    floor: ranks.map((p) => PAGES.map((s) => ({ path: `/${s.id}`, body: JSON.stringify(s.floor.params(p)) }))),
    people: popular.people.map((p) => p.id),
  };
}

/**
 * Kept-alive connections, one pool per stretch of load: a connection left idle between stretches
 * may be closed by the server just as it is reused.
 */
const connectionPool = () => new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * One request. A kept-alive connection the server closed for idleness just as it was reused fails
 * before the server saw the request: that one is sent again on a new connection (Node's advice).
 */
function send(agent: http.Agent, request: MixRequest, retried = false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: request.port,
        path: request.path,
        method: "POST",
        agent,
        headers: { "content-type": "application/json", accept: "application/json", "content-length": Buffer.byteLength(request.body), ...request.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error("no answer within 60 s")));
    req.on("error", (error: NodeJS.ErrnoException) =>
      req.reusedSocket && error.code === "ECONNRESET" && !retried ? send(agent, request, true).then(resolve, reject) : reject(error),
    );
    req.end(request.body);
  });
}

/** An answer served from the cache ran no Cypher (the bench's service reports its round trips). */
const fromCache = (body: string) => /"cypherRoundTrips":0[,}]/.test(body);

type MixRound = LoadRound & { reads: number; hits: number; writes: number; readsByOp: number[]; hitsByOp: number[] };

/** `connections` clients sending `next()`'s requests back to back for `seconds`; every response checked. */
async function mixRound(next: () => MixRequest, connections: number, seconds: number): Promise<MixRound> {
  const round: MixRound = {
    seconds,
    latencies: [],
    requests: 0,
    failures: { non200: 0, graphqlErrors: 0, transport: 0 },
    reads: 0,
    hits: 0,
    writes: 0,
    readsByOp: PAGES.map(() => 0),
    hitsByOp: PAGES.map(() => 0),
  };
  const agent = connectionPool();
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const request = next();
      const t = performance.now();
      try {
        const { status, body } = await send(agent, request);
        round.latencies.push(performance.now() - t);
        if (status !== 200) round.failures.non200++;
        else if (request.write ? !writeSucceededHere(body) : body.includes('"errors":')) round.failures.graphqlErrors++;
        else {
          round.requests++;
          if (request.write) round.writes++;
          else {
            const hit = fromCache(body);
            round.reads++;
            round.readsByOp[request.op!]!++;
            if (hit) {
              round.hits++;
              round.hitsByOp[request.op!]!++;
            }
          }
        }
      } catch {
        round.failures.transport++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  agent.destroy();
  round.seconds = (performance.now() - started) / 1000;
  return round;
}

type Ports = Record<CacheContender, number>;

/** The mix: reads of Zipf-popular pages, and one write in a hundred through (a). */
class Mix {
  private readonly rng = random(2);
  private readonly rank: () => number;
  private written = 0;
  /** The popular people the run's writes named, whose locks it removes at the end. */
  readonly writtenPeople = new Set<string>();

  constructor(
    private readonly pages: Pages,
    private readonly ports: Ports,
  ) {
    this.rank = zipf(pages.people.length, ZIPF_EXPONENT, this.rng);
  }

  /** A popular rank and one of its page operations. */
  pick(): { rank: number; op: number } {
    return { rank: this.rank(), op: Math.floor(this.rng() * PAGES.length) };
  }

  read(contender: CacheContender, rank: number, op: number): MixRequest {
    if (contender === "floor") return { port: this.ports.floor, ...this.pages.floor[rank]![op]!, write: false, op };
    return { port: this.ports[contender], path: "/graphql", body: this.pages.service[rank]![op]!, write: false, op };
  }

  /** A new meeting of the benchmark's own, attended by the person of `rank` and a benchmark person. */
  write(rank: number): MixRequest {
    const n = this.written++;
    const person = this.pages.people[rank]!;
    this.writtenPeople.add(person);
    const base = CREATE_MEETING.variables(`${WRITE_PREFIX}cache-${n}`, n).input as Record<string, unknown>;
    const input = { ...base, participants: attendance(n, [person, personId(2 * slot(n))]) };
    return {
      port: this.ports.cached,
      path: "/graphql",
      body: JSON.stringify({ query: CREATE_MEETING.query, variables: { input } }),
      headers: authorization,
      write: true,
    };
  }

  next = (contender: CacheContender) => (): MixRequest => {
    const { rank, op } = this.pick();
    return this.rng() < WRITE_SHARE ? this.write(rank) : this.read(contender, rank, op);
  };
}

export async function runCacheMix(
  options: CacheMixOptions,
  ports: Ports,
  params: BenchParams,
  db: Neo4jExecutor,
  say: (message: string) => void,
): Promise<CacheMixResults> {
  const [candidates] = await db.read<{ people: { id: string; name: string }[]; meetings: string[] }>("bench.cache.candidates", CANDIDATES);
  const rng = random(1);
  const popular = { people: popularOf(candidates!.people, POPULAR, rng), meetings: popularOf(candidates!.meetings, POPULAR, rng) };
  const pages = pagesOf(popular, params);
  const lockKeys = pages.people.map((id) => `Person:${id}`);
  const [held] = await db.read<{ keys: string[] }>("bench.cache.locks", LOCKS_HELD, { keys: lockKeys });
  await removeWrites(db);
  const countsBefore = await countGraph(db);
  const mix = new Mix(pages, ports);
  say(
    `${PAGES.length} page operations × ${popular.people.length} popular people and ${popular.meetings.length} meetings (Zipf exponent ${ZIPF_EXPONENT}), one write in ${Math.round(1 / WRITE_SHARE)} (createMeeting through (a))`,
  );
  const measurements: CacheMeasurement[] = [];
  let correctness: CacheCorrectness;
  let lookups: Lookups;
  try {
    await writeFixtures(db);
    const maxC = Math.max(...options.concurrency);
    for (const contender of CACHE_CONTENDERS) {
      const warm = await mixRound(mix.next(contender), maxC, options.warmup);
      const failed = warm.failures.non200 + warm.failures.graphqlErrors + warm.failures.transport;
      say(
        `  warm-up ${contender.padEnd(7)} ${(warm.requests / warm.seconds).toFixed(0)} req/s${contender === "cached" ? `, hit ratio ${fmtRatio(warm)}` : ""}${failed ? `, ${failed} FAILED (see the server logs)` : ""}`,
      );
      await waitForIdle(db);
    }
    for (const [i, connections] of options.concurrency.entries()) {
      const rounds = new Map<CacheContender, MixRound[]>(CACHE_CONTENDERS.map((c) => [c, []]));
      const drained = new Map<CacheContender, number>(CACHE_CONTENDERS.map((c) => [c, 0]));
      for (let round = 0; round < options.rounds; round++) {
        for (let k = 0; k < CACHE_CONTENDERS.length; k++) {
          const contender = CACHE_CONTENDERS[(k + i + round) % CACHE_CONTENDERS.length]!;
          rounds.get(contender)!.push(await mixRound(mix.next(contender), connections, options.duration / options.rounds));
          drained.set(contender, drained.get(contender)! + (await waitForIdle(db)));
        }
      }
      for (const contender of CACHE_CONTENDERS) {
        const its = rounds.get(contender)!;
        const reads = its.reduce((sum, r) => sum + r.reads, 0);
        const hits = its.reduce((sum, r) => sum + r.hits, 0);
        const cached = contender === "cached";
        const m: CacheMeasurement = {
          contender,
          ...mergeRounds(connections, its),
          drainSeconds: drained.get(contender)!,
          writes: its.reduce((sum, r) => sum + r.writes, 0),
          hitRatio: cached && reads > 0 ? hits / reads : null,
          roundHitRatios: cached ? its.map((r) => (r.reads > 0 ? r.hits / r.reads : 0)) : [],
          ...(cached && { hitRatioByOperation: byOperation(its) }),
        };
        measurements.push(m);
        const failures = m.failures.non200 + m.failures.graphqlErrors + m.failures.transport;
        const roundRatios = m.roundHitRatios.map((r) => fmt(r)).join(", ");
        const pages = Object.entries(m.hitRatioByOperation ?? {}).map(([page, r]) => `${page} ${fmt(r)}`);
        say(
          `  c=${String(connections).padEnd(3)} ${contender.padEnd(7)} ${m.rps} req/s  p50 ${m.p50} ms  p99 ${m.p99}  ${m.writes} writes` +
            `${cached ? `  hit ratio ${fmt(m.hitRatio)} (rounds ${roundRatios}; ${pages.join(", ")})` : ""}${failures ? `  ${failures} FAILED` : ""}`,
        );
      }
    }
    lookups = await lookupsOf(ports.cached);
    say(
      `  (a)'s lookups: ${lookups.hit} hits, ${lookups.miss} with nothing stored, ${lookups.outdated} outdated by a write; ` +
        `${lookups.invalidations} writes touched ${lookups.touchedTags} tags (${(lookups.touchedTags / Math.max(1, lookups.invalidations)).toFixed(0)} each); ${lookups.raced} answers not stored (a write raced them)`,
    );
    say("  correctness: every read of (a) against (b)'s answer to the same read, a write in a hundred...");
    correctness = await checkAnswers(mix, options.checkReads, maxC);
    say(
      `  ${correctness.checked} of ${correctness.reads + correctness.afterWrite} reads checked (${correctness.afterWrite} right after one of ${correctness.writes} writes), ` +
        `${correctness.stale} stale${correctness.examples.length ? `: ${correctness.examples.join("; ")}` : ""}; hit ratio ${fmt(correctness.hitRatio)}`,
    );
  } finally {
    say("Removing what the cache mix wrote...");
    await removeWrites(db);
    await db.write("bench.cache.unlock", REMOVE_LOCKS, { keys: lockKeys, kept: held!.keys });
  }
  const countsAfter = await countGraph(db);
  say(
    `  graph before ${countsBefore.nodes} nodes / ${countsBefore.relationships} relationships, after ${countsAfter.nodes} / ${countsAfter.relationships}${isDeepStrictEqual(countsBefore, countsAfter) ? "" : ": CHANGED"}`,
  );
  return {
    popular: { people: popular.people.length, meetings: popular.meetings.length },
    lookups,
    operations: PAGES.map((s) => s.id),
    zipfExponent: ZIPF_EXPONENT,
    writeShare: WRITE_SHARE,
    concurrency: options.concurrency,
    measurements,
    correctness,
    countsBefore,
    countsAfter,
  };
}

/** The response cache's counters from (a)'s /metrics. */
async function lookupsOf(port: number): Promise<Lookups> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (!res.ok) throw new Error(`(a) answered /metrics with HTTP ${res.status}: start it with METRICS_ENABLED (bench/servers/service.ts).`);
  const text = await res.text();
  const counter = (name: string, label = "") =>
    Number(new RegExp(`^meetgraph_response_cache_${name}${label.replace(/[{}]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1] ?? 0);
  const lookup = (result: string) => counter("lookups_total", `{result="${result}"}`);
  return {
    hit: lookup("hit"),
    miss: lookup("miss"),
    outdated: lookup("outdated"),
    unavailable: lookup("unavailable"),
    stores: counter("stores_total", '{outcome="stored"}'),
    raced: counter("stores_total", '{outcome="raced"}'),
    invalidations: counter("invalidations_total"),
    touchedTags: counter("touched_tags_total"),
  };
}

/** The hit ratio of each page operation over `rounds`. */
function byOperation(rounds: MixRound[]): Record<string, number> {
  return Object.fromEntries(
    PAGES.map((page, op) => {
      const reads = rounds.reduce((sum, r) => sum + r.readsByOp[op]!, 0);
      return [page.id, reads > 0 ? rounds.reduce((sum, r) => sum + r.hitsByOp[op]!, 0) / reads : 0];
    }),
  );
}

const fmt = (x: number | null) => (x === null ? "n/a" : x.toFixed(3));
const fmtRatio = (r: MixRound) => fmt(r.reads > 0 ? r.hits / r.reads : null);

/** The `data` of an answer, or undefined when it is not a 200 without errors. */
async function dataOf(agent: http.Agent, request: MixRequest): Promise<{ data: unknown; cached: boolean } | undefined> {
  const { status, body } = await send(agent, request);
  if (status !== 200) return undefined;
  const json = JSON.parse(body) as { data?: unknown; errors?: unknown };
  return json.errors || json.data === undefined ? undefined : { data: json.data, cached: fromCache(body) };
}

/**
 * `readers` clients send the mix's reads to (a), each followed by the same read to (b); one writer
 * writes through (a) whenever a hundred reads have gone by, and after each acknowledged write reads
 * the written person's pages from both (having read them from (a) just before the write, so that a
 * stale cache would answer them). A read is checked when no write was in flight between (a)'s
 * request and (b)'s answer: then both saw one state of the database.
 */
async function checkAnswers(mix: Mix, reads: number, readers: number): Promise<CacheCorrectness> {
  const result: CacheCorrectness = { reads: 0, checked: 0, afterWrite: 0, writes: 0, stale: 0, examples: [], hitRatio: 0 };
  let started = 0;
  let acknowledged = 0;
  let hits = 0;
  const agent = connectionPool();
  const compare = async (rank: number, op: number, afterWrite: boolean): Promise<boolean> => {
    const sentWith = started;
    const quiet = started === acknowledged;
    const cached = await dataOf(agent, mix.read("cached", rank, op));
    const floor = await dataOf(agent, mix.read("floor", rank, op));
    if (!cached || !floor) throw new Error(`The correctness run's read ${PAGES[op]!.id} failed on ${cached ? "(b)" : "(a)"}; see the server logs.`);
    if (!afterWrite && cached.cached) hits++;
    if (!quiet || started !== sentWith) return cached.cached;
    result.checked++;
    if (afterWrite) result.afterWrite++;
    if (!isDeepStrictEqual(cached.data, floor.data)) {
      result.stale++;
      if (result.examples.length < 5) result.examples.push(`${PAGES[op]!.id} of rank ${rank}${afterWrite ? " after a write" : ""}`);
    }
    return cached.cached;
  };
  // Readers wait for the writer when it falls behind, so that a write comes after every hundred reads, not fewer.
  const writeDue = () => result.reads >= (result.writes + 1) / WRITE_SHARE;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2));
  const reader = async () => {
    while (result.reads < reads) {
      if (writeDue()) {
        await pause();
        continue;
      }
      result.reads++;
      const { rank, op } = mix.pick();
      await compare(rank, op, false);
    }
  };
  const writer = async () => {
    while (result.reads < reads) {
      if (!writeDue()) {
        await pause();
        continue;
      }
      const { rank } = mix.pick();
      // What the write changes, cached before it (or after it, if another reader's write raced: then the check below is skipped for it).
      for (let op = 0; op < PAGES.length; op++) await dataOf(agent, mix.read("cached", rank, op));
      started++;
      const { status, body } = await send(agent, mix.write(rank));
      if (status !== 200 || !writeSucceededHere(body)) throw new Error(`A write of the correctness run failed: HTTP ${status}: ${body.slice(0, 300)}`);
      acknowledged++;
      result.writes++;
      for (let op = 0; op < PAGES.length; op++) await compare(rank, op, true);
    }
  };
  await Promise.all([writer(), ...Array.from({ length: readers }, reader)]).finally(() => agent.destroy());
  result.hitRatio = result.reads > 0 ? hits / result.reads : 0;
  return result;
}
