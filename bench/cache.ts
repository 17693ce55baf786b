/**
 * The response cache under load (issue 24): the web app's page queries for popular people and
 * meetings (ranks drawn from a Zipf distribution) and one write in a hundred, at a fixed
 * concurrency, against the service with RESPONSE_CACHE on and off, in alternating rounds so
 * that the machine's other work weighs on both alike. Both services run in this process, over
 * one synthetic graph in the benchmark's own Neo4j (bench/database.ts).
 */
import { createHash, randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { warmupRequests, readSamples, type WarmupRequest } from "../src/health/warmup.js";
import { random } from "../src/seed/synthetic.js";
import { loadManifest } from "../src/persisted/manifest.js";
import { createLogger } from "../src/logger.js";
import { runScript, UsageError } from "../src/script.js";
import { createServer } from "../src/server.js";
import { defaultDataDir, openBenchDatabase } from "./database.js";
import { zipf } from "./zipf.js";

const usage = `Usage: npx tsx bench/cache.ts [options]

Throughput of the web app's page queries with the response cache on and off.

  --people N        synthetic people (default 2000)
  --meetings M      synthetic meetings (default 20000)
  --seconds S       length of one round (default 20)
  --rounds R        rounds per mode, alternating off/on (default 3)
  --concurrency C   requests in flight (default 32)
  --write-share W   share of requests that are writes (default 0.01)
  --popular K       how many people and meetings the Zipf ranks cover (default 500)
  --write W         rename (updatePerson) or claim (attachClaims; default)
  --help            this text

The graph lives in <tmp>/meetgraph-bench/<people>-<meetings>-seed1 (loaded on the first run);
NEO4J_URI points it at another Neo4j instead.`;

/** The busiest people (with a name to search for, and their most frequent counterpart) and the meetings with most participants. */
const POPULAR = `
CALL () {
  MATCH (p:Person) WITH p ORDER BY COUNT { (p)-[:ATTENDED]->() } DESC, p.id LIMIT toInteger($k)
  RETURN collect({person: p.id, name: p.name, counterpart: COLLECT { MATCH (p)-[:ATTENDED]->()<-[:ATTENDED]-(o:Person) WHERE o <> p RETURN o.id LIMIT 1 }[0]}) AS people
}
CALL () {
  MATCH (m:Meeting) WITH m ORDER BY COUNT { ()-[:ATTENDED]->(m) } DESC, m.id LIMIT toInteger($k)
  RETURN collect(m.id) AS meetings
}
RETURN people, meetings`;

/** The writes: a person renamed to the same name (touches every page with a person's or meeting's list), or a sourced claim attached to a meeting (touches that meeting and its neighbours). */
const WRITES = {
  rename: `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { errors { code } } }`,
  claim: `mutation($input: AttachClaimsInput!) { attachClaims(input: $input) { errors { code } } }`,
};

interface Round {
  mode: "off" | "on";
  requests: number;
  errors: number;
  perSecond: number;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      people: { type: "string", default: "2000" },
      meetings: { type: "string", default: "20000" },
      seconds: { type: "string", default: "20" },
      rounds: { type: "string", default: "3" },
      concurrency: { type: "string", default: "32" },
      "write-share": { type: "string", default: "0.01" },
      popular: { type: "string", default: "500" },
      write: { type: "string", default: "claim" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const number = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} must be a positive number (got ${JSON.stringify(values[name])}).`);
    return value;
  };
  const writeKind = values.write;
  if (writeKind !== "rename" && writeKind !== "claim") throw new UsageError(`--write must be rename or claim (got ${JSON.stringify(writeKind)}).`);
  const graph = { people: number("people"), meetings: number("meetings"), seed: 1 };
  const [seconds, rounds, concurrency, writeShare, popular] = [
    number("seconds"),
    number("rounds"),
    number("concurrency"),
    number("write-share"),
    number("popular"),
  ];

  const database = await openBenchDatabase(
    { graph, dataDir: defaultDataDir(graph), boltPort: undefined, heap: "1g", pageCache: "1g", batch: 2000 },
    console.log,
  );
  const key = randomBytes(16).toString("hex");
  const settings = {
    NODE_ENV: "production",
    API_KEYS: loadConfig({ API_KEYS: `bench:write:${createHash("sha256").update(key).digest("hex")}` }).API_KEYS,
    RATE_LIMIT_PER_MINUTE: 0,
    METRICS_ENABLED: true,
  } as const;
  const logger = createLogger("warn");
  const services = {
    off: await createServer({ config: settings, db: database.db, logger }),
    on: await createServer({ config: { ...settings, RESPONSE_CACHE: "on" }, db: database.db, logger }),
  };
  try {
    const urls = {
      off: `http://127.0.0.1:${await services.off.listen(0, "127.0.0.1")}/graphql`,
      on: `http://127.0.0.1:${await services.on.listen(0, "127.0.0.1")}/graphql`,
    };
    await Promise.all([services.off.warmUp(), services.on.warmUp()]);

    const [row] = await database.db.read<{ people: { person: string; name: string; counterpart: string | null }[]; meetings: string[] }>(
      "bench.cache.popular",
      POPULAR,
      { k: popular },
    );
    const base = await readSamples(database.db);
    const pages = [...loadManifest().values()].map((query) => ({ name: "web app", query }));
    const byRank: WarmupRequest[][] = row!.people.map(
      (p, rank) => warmupRequests(pages, { ...base, ...p, meeting: row!.meetings[rank] ?? base.meeting }).requests,
    );
    const rng = random(1);
    const rank = zipf(byRank.length, 1, rng);
    console.log(
      `${byRank[0]!.length} page queries × ${byRank.length} popular people and meetings; ${concurrency} in flight; one write (${writeKind}) in ${Math.round(1 / writeShare)}.`,
    );

    const post = (url: string, body: WarmupRequest, token?: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
      }).then(async (response) => {
        const answer = (await response.json()) as { errors?: unknown[]; data?: Record<string, { errors?: unknown[] }> };
        return response.ok && !answer.errors && !Object.values(answer.data ?? {}).some((payload) => payload?.errors?.length);
      });

    const writeOf = (r: number, n: number): WarmupRequest => {
      const { person, name } = row!.people[r]!;
      if (writeKind === "rename") return { query: WRITES.rename, variables: { input: { id: person, name } } };
      const claim = { field: "outcome", value: `bench outcome ${n}`, sourceId: base.source, excerpt: "[bench] an outcome" };
      return { query: WRITES.claim, variables: { input: { meetingId: row!.meetings[r] ?? base.meeting, claims: [claim] } } };
    };

    async function round(mode: Round["mode"]): Promise<Round> {
      const until = Date.now() + seconds * 1000;
      let requests = 0;
      let errors = 0;
      const worker = async () => {
        while (Date.now() < until) {
          const r = rank();
          const write = rng() < writeShare;
          const ok = write ? await post(urls[mode], writeOf(r, requests), key) : await post(urls[mode], byRank[r]![Math.floor(rng() * byRank[r]!.length)]!);
          requests++;
          if (!ok) errors++;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return { mode, requests, errors, perSecond: requests / seconds };
    }

    const results: Round[] = [];
    const load = [os.loadavg()[0]!];
    for (let i = 0; i < rounds; i++) {
      for (const mode of ["off", "on"] as const) {
        const result = await round(mode);
        results.push(result);
        load.push(os.loadavg()[0]!);
        console.log(
          `round ${i + 1} cache ${mode}: ${result.perSecond.toFixed(0)} requests/s (${result.requests} requests, ${result.errors} failed), load average ${os.loadavg()[0]!.toFixed(1)}`,
        );
      }
    }
    const median = (mode: Round["mode"]) => {
      const sorted = results
        .filter((r) => r.mode === mode)
        .map((r) => r.perSecond)
        .sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)]!;
    };
    const metrics = await (await fetch(urls.on.replace("/graphql", "/metrics"))).text();
    const hitRatio = /^meetgraph_response_cache_hit_ratio (\S+)$/m.exec(metrics)?.[1];
    console.log(
      `\nMedian throughput: cache off ${median("off").toFixed(0)} requests/s, cache on ${median("on").toFixed(0)} requests/s (${(median("on") / median("off")).toFixed(2)}×); ` +
        `hit ratio ${hitRatio}; load average ${Math.min(...load).toFixed(1)} to ${Math.max(...load).toFixed(1)} on ${os.cpus().length} cores.`,
    );
    return results.some((r) => r.errors > 0) ? 1 : 0;
  } finally {
    await services.off.stop();
    await services.on.stop();
    await database.close();
  }
}

runScript(main, usage);
