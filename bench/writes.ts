/**
 * The write scenarios (issue 24): curation mutations through the service's API as a curator, against
 * (b) one hand-written write transaction per request with the same locks and audit entry behind a
 * plain node:http handler (servers/writeFloor.ts).
 *
 * The benchmark's graph is reused by later runs, so a write never touches it: request n of a
 * scenario works on its own entities, made for it before the load (ids "bench-write-<scenario>-<n>",
 * people shared by the meetings from a small pool), and everything with the prefix (with the audit
 * entries and locks about it) is removed at the end. The node and relationship counts before and
 * after are compared. Each request is a different write, so none fails because an earlier one used
 * its input.
 *
 * Ingest (W4) and acceptance (W5) run the project's extraction (src/extract/), which is the
 * project's own rule rather than database work: the floor calls the same function, so both pay for it.
 */
import { createHash, randomBytes } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { Neo4jExecutor, RunStatement } from "../src/db/executor.js";
import { writeMeetings, writePeople, writeSources } from "../src/db/writes.js";
import { meetingSchema, personSchema, sourceSchema } from "../src/model/entries.js";
import { waitForIdle } from "./database.js";
import { mergeRounds, runRound, type LoadRound, type LoadTarget } from "./load.js";
import type { Measurement } from "./report.js";
import { INGESTED, INGESTED_ON, ownedNames, prepareAcceptance } from "./writeArticles.js";

export const WRITE_PREFIX = "bench-write-";
/**
 * Request n works in slot n % SLOTS: it cites that slot's source and its meetings are attended by
 * that slot's two people. Requests in flight at once are in different slots, so none waits for
 * another's lock (adding a relationship locks both its nodes); n and n + SLOTS write alike.
 */
const SLOTS = 32;
export const slot = (n: number) => n % SLOTS;
const sourceId = (n: number) => `${WRITE_PREFIX}source-${slot(n)}`;
export const personId = (k: number) => `${WRITE_PREFIX}person-${k}`;
const DATE = "2025-06-01";

/** The curator the service knows (servers/service.ts reads the hash from the environment). */
const curatorKey = randomBytes(24).toString("hex");
export const curatorEnv = { BENCH_CURATOR_KEY_SHA256: createHash("sha256").update(curatorKey).digest("hex") };
export const authorization = { authorization: `Bearer ${curatorKey}` };

const sources = (n: number, excerpt: string) => [{ sourceId: sourceId(n), excerpt }];
export const attendance = (n: number, people = [personId(2 * slot(n)), personId(2 * slot(n) + 1)]) =>
  people.map((id) => ({ personId: id, sources: sources(n, "[bench] they met") }));
const dateClaim = (n: number) => ({ field: "date", value: DATE, sourceId: sourceId(n), excerpt: "[bench] on 1 June" });

/** A stored meeting for a request to work on, as the seed loader writes one. */
const fixtureMeeting = (id: string, n: number, people?: string[]) =>
  meetingSchema.parse({
    id,
    kind: "talks",
    title: `Bench meeting ${id}`,
    date: DATE,
    datePrecision: "DAY",
    startsAt: null,
    endsAt: null,
    placeId: null,
    outcome: null,
    topicIds: [],
    organizationIds: [],
    participants: attendance(n, people).map((p) => ({ ...p, role: null, delegationCountryId: null })),
    durations: [],
    claims: [{ ...dateClaim(n), wording: null }],
  });

const fixturePerson = (id: string, name: string) => personSchema.parse({ id, name, aliases: [], countryIds: [], roles: [], relations: [] });

export interface WriteScenario {
  id: string;
  title: string;
  /** The mutation field; its payload has `errors`. */
  field: string;
  query: string;
  /** The variables of request n, whose entities' ids start with `token`; the keys in the schema's order (the audit entry keeps the input as JSON). */
  variables: (token: string, n: number) => Record<string, unknown>;
  /** Makes what the requests with these tokens work on; not timed. */
  prepare?: (db: Neo4jExecutor, requests: { token: string; n: number }[]) => Promise<void>;
  /** Strings of request n's own besides its token (names), replaced like it when two requests' graphs are compared. */
  owned?: (n: number) => string[];
  /** Requests per second to prepare for before any was measured, when far below the writes' usual rate (costly preparation). */
  firstGuessRps?: number;
}

/** Prepares in one write transaction. */
const inTransaction =
  (name: string, prepare: (run: RunStatement, requests: { token: string; n: number }[]) => Promise<void>): WriteScenario["prepare"] =>
  (db, requests) =>
    db.writeTransaction(`bench.writes.prepare.${name}`, (run) => prepare(run, requests));

/** The proposals W5's request with each token accepts, known once prepared. */
const toAccept = new Map<string, string[]>();

export const WRITE_SCENARIOS: WriteScenario[] = [
  {
    id: "createMeeting",
    title: "W1. createMeeting: a meeting with two participants and its date claim",
    field: "createMeeting",
    query: `mutation CreateMeeting($input: MeetingInput!) { createMeeting(input: $input) { meeting { id } errors { field code message } } }`,
    variables: (token, n) => ({
      input: { id: token, kind: "talks", title: `Bench meeting ${token}`, date: DATE, participants: attendance(n), claims: [dateClaim(n)] },
    }),
  },
  {
    id: "attachClaims",
    title: "W2. attachClaims: a sourced outcome claim on a stored meeting with two participants",
    field: "attachClaims",
    query: `mutation AttachClaims($input: AttachClaimsInput!) { attachClaims(input: $input) { meeting { id } errors { field code message } } }`,
    variables: (token, n) => ({
      input: { meetingId: token, claims: [{ field: "outcome", value: `Outcome of ${token}`, sourceId: sourceId(n), excerpt: "[bench] an outcome" }] },
    }),
    prepare: inTransaction("attachClaims", (run, requests) =>
      writeMeetings(
        run,
        requests.map(({ token, n }) => fixtureMeeting(token, n)),
      ),
    ),
  },
  {
    id: "mergePeople",
    title: "W3. mergePeople: two people who attended the same meeting",
    field: "mergePeople",
    query: `mutation MergePeople($input: MergePeopleInput!) { mergePeople(input: $input) { person { id } errors { field code message } } }`,
    variables: (token) => ({ input: { survivorId: `${token}-a`, mergedId: `${token}-b` } }),
    prepare: inTransaction("mergePeople", async (run, requests) => {
      await writePeople(
        run,
        requests.flatMap(({ token }) => [fixturePerson(`${token}-a`, `Bench Person ${token} A`), fixturePerson(`${token}-b`, `Bench Person ${token} B`)]),
      );
      await writeMeetings(
        run,
        requests.map(({ token, n }) => fixtureMeeting(`${token}-m`, n, [`${token}-a`, `${token}-b`])),
      );
    }),
  },
  {
    id: "ingestArticle",
    title: `W4. ingestArticle: ${INGESTED.from} as a new source, with its proposals`,
    field: "ingestArticle",
    query: `mutation IngestArticle($input: IngestArticleInput!) { ingestArticle(input: $input) { source { id } proposals { id } errors { field code message } } }`,
    // The title names the source: "<token>-<publishedOn>".
    variables: (token, n) => ({ input: { text: INGESTED.texts[n % INGESTED.texts.length], title: token, publishedOn: INGESTED_ON } }),
    firstGuessRps: 30,
  },
  {
    id: "acceptProposals",
    title: "W5. acceptProposals: the proposals of a short article (a known meeting, its duration, a quote)",
    field: "acceptProposals",
    query: `mutation AcceptProposals($ids: [ID!]!) { acceptProposals(ids: $ids) { proposals { id status } errors { field code message } } }`,
    variables: (token) => ({ ids: toAccept.get(token) }),
    prepare: async (db, requests) => {
      const ids = await prepareAcceptance(db, requests, (token, n, people) => fixtureMeeting(token, n, people));
      for (const [token, proposals] of ids) toAccept.set(token, proposals);
    },
    owned: ownedNames,
    // The floor accepts far faster than the service on a quiet machine: prepared for less, its warm-up ran out.
    firstGuessRps: 200,
  },
];

// ---------------------------------------------------------------------------------------------
// The benchmark's own entities: made before, removed after, and the graph counted around them.

const COUNTS = `
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships`;

/** Everything a run wrote: its entities, the audit entries about them and their locks; in batches, as a run writes thousands. */
const REMOVE_BATCH = `
MATCH (n)
WHERE n.id STARTS WITH $prefix OR n.key CONTAINS (':' + $prefix) OR any(id IN coalesce(n.entityIds, []) WHERE id STARTS WITH $prefix)
WITH n LIMIT 5000
DETACH DELETE n
RETURN count(*) AS removed`;

export interface GraphCounts {
  nodes: number;
  relationships: number;
}

export async function countGraph(db: Neo4jExecutor): Promise<GraphCounts> {
  const [counts] = await db.read<{ nodes: number; relationships: number }>("bench.writes.count", COUNTS);
  return counts!;
}

export async function removeWrites(db: Neo4jExecutor): Promise<void> {
  for (;;) {
    const [row] = await db.write<{ removed: number }>("bench.writes.remove", REMOVE_BATCH, { prefix: WRITE_PREFIX });
    if (!row || row.removed === 0) return;
  }
}

/** The slots' sources and people. */
export async function writeFixtures(db: Neo4jExecutor): Promise<void> {
  await db.writeTransaction("bench.writes.fixtures", async (run) => {
    await writeSources(
      run,
      Array.from({ length: SLOTS }, (_, k) =>
        sourceSchema.parse({
          id: sourceId(k),
          title: "Benchmark writes",
          publisher: null,
          publishedOn: null,
          datePrecision: null,
          url: null,
          kind: "curator-summary",
          file: null,
          note: "made by npm run bench, removed at its end",
        }),
      ),
    );
    await writePeople(
      run,
      Array.from({ length: 2 * SLOTS }, (_, k) => fixturePerson(personId(k), `Bench Attendee ${k}`)),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Requests: a counter per scenario, shared by the contenders, and the entities made ahead of it.

type WriteContender = "service" | "floor";
/** A contender's server process: where it listens. */
type Server = { port: number };

class Requests {
  private next = 0;
  private prepared = 0;
  constructor(
    private readonly scenario: WriteScenario,
    private readonly db: Neo4jExecutor,
  ) {}

  // Ids are lowercase slugs.
  token = (n: number) => `${WRITE_PREFIX}${this.scenario.id.toLowerCase()}-${n}`;

  /** Skips to the next n that is a multiple of `step`. */
  align(step: number): void {
    this.next = Math.ceil(this.next / step) * step;
  }

  /** Makes sure the next `count` requests have what they work on. */
  async ensure(count: number): Promise<void> {
    const to = this.next + count;
    while (this.prepared < to) {
      const from = Math.max(this.prepared, this.next);
      const batch = Array.from({ length: Math.min(1000, to - from) }, (_, i) => ({ n: from + i, token: this.token(from + i) }));
      if (this.scenario.prepare) await this.scenario.prepare(this.db, batch);
      this.prepared = from + batch.length;
    }
  }

  /** The next request's n and token. */
  get upcoming(): { token: string; n: number } {
    return { token: this.token(this.next), n: this.next };
  }

  private take(): { token: string; n: number } {
    const n = this.next++;
    return { n, token: this.token(n) };
  }

  /** How many requests are left before the prepared entities run out. */
  get left(): number {
    return this.prepared - this.next;
  }

  body(contender: WriteContender): string {
    const { token, n } = this.take();
    const variables = this.scenario.variables(token, n);
    return JSON.stringify(contender === "service" ? { query: this.scenario.query, variables } : { variables });
  }
}

/** A write succeeded: no GraphQL errors and an empty payload `errors` (servers answer JSON, so parsing costs little beside a write). */
export function writeSucceeded(field: string): (body: string) => boolean {
  return (body) => {
    try {
      const json = JSON.parse(body) as { errors?: unknown; data?: Record<string, { errors?: unknown[] } | null> };
      return json.errors === undefined && Array.isArray(json.data?.[field]?.errors) && json.data[field].errors.length === 0;
    } catch {
      return false;
    }
  };
}

function target(scenario: WriteScenario, requests: Requests, contender: WriteContender, server: Server): LoadTarget {
  const service = contender === "service";
  return {
    url: `http://127.0.0.1:${server.port}${service ? "/graphql" : `/${scenario.id}`}`,
    body: "",
    nextBody: () => requests.body(contender),
    headers: service ? authorization : {},
    succeeded: writeSucceeded(scenario.field),
  };
}

// ---------------------------------------------------------------------------------------------
// The same graph: what one request of each contender wrote, with its own ids replaced by a placeholder.

/** Whether a value is one of the request's ids ("<token>", "<token>#claim-1", "<token>-a"), a lock on one, or lists one. */
const OWNED = (value: string) => `(${value} = $token OR ${value} STARTS WITH $token + '#' OR ${value} STARTS WITH $token + '-')`;

const WRITTEN = `
MATCH (n)
WHERE ${OWNED("n.id")}
   OR ${OWNED("substring(n.key, size(split(n.key, ':')[0]) + 1)")}
   OR any(id IN coalesce(n.entityIds, []) WHERE ${OWNED("id")})
CALL (n) {
  MATCH (n)-[r]-(o)
  RETURN collect({type: type(r), out: startNode(r) = n, other: coalesce(o.id, o.key), properties: properties(r)}) AS relationships
}
RETURN labels(n) AS labels, properties(n) AS properties, relationships`;

/** Set by the clock or at random: never the same twice. */
const VOLATILE = new Set(["at", "lockedAt", "mergedAt", "createdAt", "decidedAt"]);

/**
 * The nodes and relationships a request wrote, comparable across requests: sorted, its token and
 * the other strings it owns replaced, clocks and random ids left out. A proposal's id hashes its
 * key, which can hold the token: it is replaced by the key.
 */
async function writtenBy(db: Neo4jExecutor, token: string, owned: string[]): Promise<string[]> {
  const rows = await db.read<{ labels: string[]; properties: Record<string, unknown>; relationships: unknown[] }>("bench.writes.written", WRITTEN, {
    token,
  });
  const proposals = rows.flatMap(({ labels, properties }) =>
    labels.includes("Proposal") ? [[properties.id as string, `<proposal ${String(properties.key)}>`]] : [],
  );
  const replacements = [...proposals, [token, "<request>"], ...owned.map((s) => [s, "<owned>"])];
  const normalized = (value: unknown) =>
    JSON.stringify(value, (key, v: unknown) =>
      VOLATILE.has(key) ? undefined : typeof v === "string" ? replacements.reduce((text, [from, to]) => text.split(from!).join(to), v) : v,
    );
  return rows
    .map(({ labels, properties, relationships }) => {
      const { id, ...rest } = properties;
      // An audit entry's id is a random UUID.
      const stable = labels.includes("AuditEntry") ? rest : { id, ...rest };
      return normalized({ labels: labels.sort(), properties: sortKeys(stable), relationships: relationships.map(normalized).sort() });
    })
    .sort();
}

const sortKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** What one checked request of a contender did. */
export interface WriteProbe {
  ok: boolean;
  ms: number;
  error?: string;
  /** The service's `extensions.cypherRoundTrips`. */
  roundTrips?: number;
}

interface WriteCheck {
  service: WriteProbe;
  floor: WriteProbe;
  /** Both wrote the same nodes and relationships; `difference` shows the first that differ. */
  sameGraph: boolean;
  difference?: string;
}

async function probe(scenario: WriteScenario, requests: Requests, contender: WriteContender, server: Server): Promise<WriteProbe> {
  const t = target(scenario, requests, contender, server);
  const body = t.nextBody!();
  const started = performance.now();
  const response = await fetch(t.url, { method: "POST", headers: { "content-type": "application/json", ...t.headers }, body });
  const ms = performance.now() - started;
  const text = await response.text();
  const ok = response.status === 200 && t.succeeded!(text);
  const roundTrips = (JSON.parse(text) as { extensions?: { cypherRoundTrips?: number } }).extensions?.cypherRoundTrips;
  return { ok, ms, ...(ok ? {} : { error: `HTTP ${response.status}: ${text.slice(0, 500)}` }), ...(roundTrips === undefined ? {} : { roundTrips }) };
}

export interface WriteResults {
  concurrency: number[];
  /** Before the run's entities were made and after they were removed: equal when the graph is unchanged. */
  countsBefore: GraphCounts;
  countsAfter: GraphCounts;
  checks: Record<string, WriteCheck>;
  measurements: Measurement[];
}

interface WriteRunOptions {
  concurrency: number[];
  duration: number;
  rounds: number;
  warmup: number;
}

/** Requests per second assumed before any was measured, to size what is prepared for a stretch of load. */
const FIRST_GUESS_RPS = 300;

export async function runWrites(
  scenarios: WriteScenario[],
  options: WriteRunOptions,
  servers: Record<WriteContender, Server>,
  db: Neo4jExecutor,
  say: (message: string) => void,
): Promise<WriteResults> {
  await removeWrites(db);
  const countsBefore = await countGraph(db);
  const checks: Record<string, WriteCheck> = {};
  const measurements: Measurement[] = [];
  try {
    await writeFixtures(db);
    for (const scenario of scenarios) {
      say(scenario.title);
      const requests = new Requests(scenario, db);
      checks[scenario.id] = await check(scenario, requests, servers, db);
      const c = checks[scenario.id]!;
      for (const contender of ["service", "floor"] as const) {
        const p = c[contender];
        say(
          `  ${contender.padEnd(12)} ${p.ok ? `${p.ms.toFixed(0)} ms${p.roundTrips === undefined ? "" : `, ${p.roundTrips} round trips`}` : `FAILED: ${p.error}`}`,
        );
      }
      say(`  ${c.sameGraph ? "the same graph written by both" : `GRAPHS DIFFER: ${c.difference}`}`);
      if (!c.service.ok || !c.floor.ok) continue;

      let fastest = scenario.firstGuessRps ?? FIRST_GUESS_RPS;
      const measured = new Set<WriteContender>();
      const stretch = async (contender: WriteContender, connections: number, seconds: number): Promise<LoadRound> => {
        // Enough for the fastest rate seen so far, with room to spare: a request without its entities would fail.
        // A contender not measured yet may be several times as fast as the other (the floor of a cheap write).
        await requests.ensure(Math.ceil(fastest * seconds * (measured.has(contender) ? 2 : 5)) + connections * 2);
        const round = await runRound(target(scenario, requests, contender, servers[contender]), connections, seconds);
        measured.add(contender);
        fastest = Math.max(fastest, round.latencies.length / round.seconds);
        if (requests.left < 0) throw new Error(`The ${scenario.id} load outran the entities prepared for it; this is a bug in bench/writes.ts.`);
        return round;
      };
      const contenders = ["service", "floor"] as const;
      for (const contender of contenders) {
        await stretch(contender, 8, options.warmup);
        await waitForIdle(db);
      }
      for (const [i, connections] of options.concurrency.entries()) {
        const rounds = new Map<WriteContender, LoadRound[]>(contenders.map((c) => [c, []]));
        const drained = new Map<WriteContender, number>(contenders.map((c) => [c, 0]));
        for (let round = 0; round < options.rounds; round++) {
          for (let k = 0; k < contenders.length; k++) {
            const contender = contenders[(k + i + round) % contenders.length]!;
            rounds.get(contender)!.push(await stretch(contender, connections, options.duration / options.rounds));
            drained.set(contender, drained.get(contender)! + (await waitForIdle(db)));
          }
        }
        for (const contender of contenders) {
          const result = mergeRounds(connections, rounds.get(contender)!);
          measurements.push({ scenario: scenario.id, contender, ...result, drainSeconds: drained.get(contender)! });
          const failures = result.failures.non200 + result.failures.graphqlErrors + result.failures.transport;
          say(
            `  c=${String(connections).padEnd(3)} ${contender.padEnd(12)} p50 ${result.p50} ms  p95 ${result.p95}  p99 ${result.p99}  ${result.rps} req/s${failures ? `  ${failures} FAILED` : ""}`,
          );
        }
      }
    }
  } finally {
    say("Removing what the write scenarios wrote...");
    await removeWrites(db);
  }
  const countsAfter = await countGraph(db);
  say(
    `  graph before ${countsBefore.nodes} nodes / ${countsBefore.relationships} relationships, after ${countsAfter.nodes} / ${countsAfter.relationships}${isDeepStrictEqual(countsBefore, countsAfter) ? "" : ": CHANGED"}`,
  );
  return { concurrency: options.concurrency, countsBefore, countsAfter, checks, measurements };
}

/** One request by each contender on entities that differ only in their ids (requests n and n + SLOTS): the graphs they leave must be equal. */
async function check(scenario: WriteScenario, requests: Requests, servers: Record<WriteContender, Server>, db: Neo4jExecutor): Promise<WriteCheck> {
  const result: Partial<WriteCheck> = {};
  const upcoming: Partial<Record<WriteContender, { token: string; n: number }>> = {};
  for (const contender of ["service", "floor"] as const) {
    requests.align(SLOTS);
    await requests.ensure(1);
    upcoming[contender] = requests.upcoming;
    result[contender] = await probe(scenario, requests, contender, servers[contender]);
  }
  const written = (contender: WriteContender) => {
    const { token, n } = upcoming[contender]!;
    return writtenBy(db, token, scenario.owned?.(n) ?? []);
  };
  const [service, floor] = await Promise.all([written("service"), written("floor")]);
  const sameGraph = isDeepStrictEqual(service, floor);
  const first = service.findIndex((x, i) => x !== floor[i]);
  return {
    service: result.service!,
    floor: result.floor!,
    sameGraph,
    ...(sameGraph ? {} : { difference: `(a) ${service[first] ?? "nothing"}; (b) ${floor[first] ?? "nothing"}` }),
  };
}
