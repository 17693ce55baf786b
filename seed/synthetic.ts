/** `npm run seed:synthetic`: load a large deterministic synthetic graph, in batches, with progress. */
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/open.js";
import { progressBar } from "../src/ingest/progress.js";
import { loadSyntheticGraph, type SyntheticOptions } from "../src/ingest/synthetic.js";
import { runScript, UsageError } from "../src/script.js";

const BATCH_TIMEOUT_MS = 10 * 60_000;

const usage = `Usage: npm run seed:synthetic -- [--people N] [--meetings M] [--seed S] [--batch B]

Loads a realistic, deterministic synthetic graph beside the curated one (ids start with
"syn-"): N people, M meetings of 2-8 participants (a few people meet very many), places in
a country > city > building hierarchy, durations known, approximate or unknown, one
statement per ten meetings, topics and sources. The same --seed gives the same graph, and
loading it again changes nothing (ids are MERGEd).

Options:
  --people N     people to create (default 10000)
  --meetings M   meetings to create (default 100000)
  --seed S       random seed (default 1)
  --batch B      rows per transaction (default 2000)
  --help         show this help

Each batch may take up to NEO4J_QUERY_TIMEOUT_MS (default here ${BATCH_TIMEOUT_MS / 60_000} minutes).
For a large graph give the local Neo4j more memory, e.g.
  NEO4J_HEAP=2g NEO4J_PAGE_CACHE=2g npm run seed:synthetic -- --people 100000 --meetings 1000000`;

const positive = (name: string, value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number, got "${value}".`);
  return n;
};


async function main(): Promise<number> {
  const { values } = parseArgs({ options: { people: { type: "string" }, meetings: { type: "string" }, seed: { type: "string" }, batch: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const options: SyntheticOptions = { people: positive("people", values.people, 10_000), meetings: positive("meetings", values.meetings, 100_000), seed: positive("seed", values.seed, 1) };
  const batchSize = positive("batch", values.batch, 2_000);
  // A batch on a busy machine can outlast the API's per-query timeout; a load has no client waiting on it.
  const config = loadConfig({ NEO4J_QUERY_TIMEOUT_MS: String(BATCH_TIMEOUT_MS), ...process.env });
  const { db, close } = await openDatabase(config, console.log);
  try {
    const { seconds, statements, before, after } = await loadSyntheticGraph(db, options, batchSize, progressBar);
    const rows = options.people + options.meetings + statements;
    const created = (kind: keyof typeof after) => `${after[kind] - before[kind]} ${kind}`;
    console.log(
      `Wrote ${options.people} people, ${options.meetings} meetings and ${statements} statements in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s): ` +
        `created ${created("people")}, ${created("meetings")} and ${created("statements")}; ` +
        `${before.people} people, ${before.meetings} meetings and ${before.statements} statements were already there. ` +
        `The graph now holds ${after.people} synthetic people, ${after.meetings} meetings and ${after.statements} statements.`,
    );
    return 0;
  } finally {
    await close();
  }
}

runScript(main, usage);
