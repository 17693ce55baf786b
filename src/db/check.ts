/** `npm run db:check`: check the graph's invariants (src/db/invariants.ts) against a database, read-only. */
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { runScript, UsageError } from "../script.js";
import type { Neo4jExecutor } from "./executor.js";
import { checkInvariant, INVARIANTS, type Invariant } from "./invariants.js";
import { openDatabase } from "./open.js";

const DEFAULT_SAMPLE = 10;
// A full scan of a label in a graph of millions outlasts the API's per-query timeout.
const DEFAULT_TIMEOUT_MS = 30 * 60_000;

const usage = `Usage: npm run db:check [-- options]

Checks every invariant of the graph (docs/graph-model.md, "Invariants") against Neo4j:
NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) when set, otherwise the local
Neo4j (started for the check and stopped after if it was not running). Each invariant is one
read-only query; its name and time are printed as it runs. Each violated invariant is printed
with its total, a sample of the ids involved, and what to do about it.

Exit code: 0 when every invariant holds, 1 when any is violated or the check could not run.

Options:
  --sample N    ids to print per violated invariant (default ${DEFAULT_SAMPLE})
  --help        show this help

Each query may take up to NEO4J_QUERY_TIMEOUT_MS (default here ${DEFAULT_TIMEOUT_MS / 60_000} minutes).`;

interface Outcome {
  invariant: Invariant;
  total: number;
  sample: string[];
  seconds: number;
}

function sampleSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SAMPLE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--sample must be a positive whole number, got "${value}".`);
  return n;
}

async function check(db: Neo4jExecutor, invariant: Invariant, sample: number): Promise<Outcome> {
  const started = Date.now();
  return { invariant, ...(await checkInvariant(db, invariant, sample)), seconds: (Date.now() - started) / 1000 };
}

function printViolation({ invariant, total, sample }: Outcome): void {
  const more = total - sample.length;
  console.log(`\n✗ ${invariant.name}: ${total} violation${total === 1 ? "" : "s"}`);
  console.log(`  rule: ${invariant.rule}`);
  console.log(`  why:  ${invariant.why}`);
  for (const line of sample) console.log(`    ${line}`);
  if (more > 0) console.log(`    ... and ${more} more (--sample N shows more)`);
  console.log(`  what to do: ${invariant.fix}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { sample: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const sample = sampleSize(values.sample);
  const config = loadConfig({ NEO4J_QUERY_TIMEOUT_MS: String(DEFAULT_TIMEOUT_MS), ...process.env });
  const { db, target, close } = await openDatabase(config, console.log);
  try {
    console.log(`Checking ${INVARIANTS.length} invariants against ${target.uri} (database "${target.database}")...`);
    const started = Date.now();
    const outcomes: Outcome[] = [];
    for (const [i, invariant] of INVARIANTS.entries()) {
      // The name goes out before the query, so a long run shows which invariant it is on.
      process.stdout.write(`  [${String(i + 1).padStart(2)}/${INVARIANTS.length}] ${invariant.name.padEnd(28)} `);
      const outcome = await check(db, invariant, sample);
      outcomes.push(outcome);
      const result = outcome.total === 0 ? "ok" : `${outcome.total} violation${outcome.total === 1 ? "" : "s"}`;
      console.log(`${result.padEnd(16)} ${outcome.seconds.toFixed(1)} s`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const violated = outcomes.filter((o) => o.total > 0);
    if (violated.length === 0) {
      console.log(`All ${INVARIANTS.length} invariants hold (${seconds} s).`);
      return 0;
    }
    violated.forEach(printViolation);
    const total = violated.reduce((n, o) => n + o.total, 0);
    console.log(`\n${violated.length} of ${INVARIANTS.length} invariants violated, ${total} violations in all (${seconds} s): see "what to do" above.`);
    return 1;
  } finally {
    await close();
  }
}

runScript(main, usage);
