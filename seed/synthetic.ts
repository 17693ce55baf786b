/** `npm run seed:synthetic`: load a large deterministic synthetic graph, in batches or with Neo4j's batch importer, with progress. */
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/open.js";
import { progressBar } from "../src/seed/progress.js";
import { loadSyntheticGraph, SYNTHETIC_WRITERS, type SyntheticOptions } from "../src/seed/synthetic.js";
import { importAndOpen } from "../src/seed/syntheticImport.js";
import { runScript, UsageError } from "../src/script.js";

const BATCH_TIMEOUT_MS = 10 * 60_000;
const METHODS = ["transactions", "import"] as const;

const usage = `Usage: npm run seed:synthetic -- [--people N] [--meetings M] [--seed S] [--method transactions|import] [--batch B] [--writers W] [--import-memory SIZE]

Loads a realistic, deterministic synthetic graph (ids start with "syn-"): N people, M meetings
of 2-8 participants (a few people meet very many), places in a country > city > building
hierarchy, durations known, approximate or unknown, one statement per ten meetings, topics and
sources. The same --seed gives the same graph, whichever the method.

Options:
  --people N            people to create (default 10000)
  --meetings M          meetings to create (default 100000)
  --seed S              random seed (default 1)
  --method METHOD       how to write it (default transactions):
                          transactions  beside whatever the graph holds (the curated graph too),
                                        one transaction per batch; loading it again changes
                                        nothing (ids are MERGEd)
                          import        Neo4j's batch importer, many times faster, into a local
                                        database that does not exist yet (a new NEO4J_DATA_DIR,
                                        or after \`npm run db:reset -- --yes\`); the local Neo4j
                                        must be stopped, and the graph then holds only this
  --batch B             rows per transaction, with --method transactions (default 2000)
  --writers W           transactions at a time for meetings and statements, with --method
                        transactions (default ${SYNTHETIC_WRITERS}; people are written one batch at a time)
  --import-memory SIZE  the importer's heap and off-heap memory, with --method import (default 1g)
  --help                show this help

With transactions each batch may take up to NEO4J_QUERY_TIMEOUT_MS (default here ${BATCH_TIMEOUT_MS / 60_000} minutes).
For a large graph give the local Neo4j more memory, e.g.
  NEO4J_DATA_DIR=/tmp/big NEO4J_HEAP=2g NEO4J_PAGE_CACHE=2g npm run seed:synthetic -- --people 100000 --meetings 1000000 --method import`;

const positive = (name: string, value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number, got "${value}".`);
  return n;
};

function method(value: string | undefined): (typeof METHODS)[number] {
  if (value === undefined) return "transactions";
  const found = METHODS.find((m) => m === value);
  if (!found) throw new UsageError(`--method must be one of ${METHODS.join(", ")}, got "${value}".`);
  return found;
}

function memorySize(value: string | undefined): string {
  if (value === undefined) return "1g";
  if (!/^\d+[kmg]$/i.test(value)) throw new UsageError(`--import-memory must be a size like 512m or 2g, got "${value}".`);
  return value;
}

const rate = (count: number, seconds: number) => `${Math.round(count / seconds)}/s`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      people: { type: "string" },
      meetings: { type: "string" },
      seed: { type: "string" },
      method: { type: "string" },
      batch: { type: "string" },
      writers: { type: "string" },
      "import-memory": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const options: SyntheticOptions = {
    people: positive("people", values.people, 10_000),
    meetings: positive("meetings", values.meetings, 100_000),
    seed: positive("seed", values.seed, 1),
  };
  const batchSize = positive("batch", values.batch, 2_000);
  const writers = positive("writers", values.writers, SYNTHETIC_WRITERS);
  const how = method(values.method);
  const importMemory = memorySize(values["import-memory"]);
  // A batch on a busy machine can outlast the API's per-query timeout; a load has no client waiting on it.
  const config = loadConfig({ NEO4J_QUERY_TIMEOUT_MS: String(BATCH_TIMEOUT_MS), ...process.env });
  const statements = Math.floor(options.meetings / 10);

  if (how === "import") {
    const { open, report } = await importAndOpen(config, options, importMemory, progressBar, console.log);
    await open.close();
    console.log(
      `Imported ${options.people} people, ${options.meetings} meetings and ${statements} statements in ${report.seconds.toFixed(1)} s ` +
        `(${rate(options.meetings, report.seconds)} meetings): CSV ${report.csvSeconds.toFixed(1)} s, importer ${report.importSeconds.toFixed(1)} s, ` +
        `server start ${report.startSeconds.toFixed(1)} s, empty lists ${report.fixUpSeconds.toFixed(1)} s, constraints and indexes ${report.schemaSeconds.toFixed(1)} s.`,
    );
    return 0;
  }

  const { db, close } = await openDatabase(config, console.log);
  try {
    const { seconds, before, after } = await loadSyntheticGraph(db, options, batchSize, progressBar, writers);
    const created = (kind: keyof typeof after) => `${after[kind] - before[kind]} ${kind}`;
    console.log(
      `Wrote ${options.people} people, ${options.meetings} meetings and ${statements} statements in ${seconds.toFixed(1)} s (${rate(options.meetings, seconds)} meetings): ` +
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
