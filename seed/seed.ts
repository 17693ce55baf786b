/** `npm run seed`: load the curated seed graph from seed/data/*.json into Neo4j. */
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/open.js";
import { defaultSeedDir, readSeedDir } from "../src/seed/read.js";
import { loadCuratedGraph, wipeGraph, type LoadReport } from "../src/seed/load.js";
import { runScript } from "../src/script.js";

const usage = `Usage: npm run seed [-- options]

Loads the hand-curated graph (seed/data/*.json) into Neo4j: NEO4J_URI when set, otherwise
the local Neo4j (started for the load and stopped after if it was not running).
Every file is validated first; a problem is reported with its file and entry, and nothing
is written. Loading is idempotent: ids are MERGEd, so a second run creates nothing.
On a graph curated through the API, the curators' changes win: an entry a mutation changed
is kept as it is, a merged person's id is never written again (references to it follow the
merge), and the skipped entries are listed. A conflict (a role the graph gives to another
person) writes nothing and exits 1, naming the entries.

Options:
  --reset       delete every node in the graph first (needs --yes)
  --yes         confirm --reset
  --dir DIR     read the seed files from DIR instead of ${defaultSeedDir}
  --help        show this help`;

function printReport({ skipped, ...counts }: LoadReport): void {
  const rows = Object.entries(counts).map(
    ([label, r]) => `  ${label.padEnd(13)} ${String(r.created).padStart(5)} created  ${String(r.existed).padStart(5)} already there`,
  );
  const created = Object.values(counts).reduce((n, r) => n + r.created, 0);
  const existed = Object.values(counts).reduce((n, r) => n + r.existed, 0);
  console.log(`Seed graph loaded: ${created} nodes created, ${existed} already there.\n${rows.join("\n")}`);
  if (skipped.length > 0) {
    console.log(
      `Kept as curated through the API (${skipped.length} entries of the files not written):\n${skipped.map((s) => `  ${s.file} ${s.entry}: ${s.reason}`).join("\n")}`,
    );
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { reset: { type: "boolean" }, yes: { type: "boolean" }, dir: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (values.reset && !values.yes) {
    console.error("--reset deletes every node in the graph. Run `npm run seed -- --reset --yes` to confirm.");
    return 1;
  }
  const graph = readSeedDir(values.dir ?? defaultSeedDir); // before touching the database: a bad file writes nothing
  const { db, close } = await openDatabase(loadConfig(), console.log);
  try {
    if (values.reset) {
      const deleted = await wipeGraph(db, (n) => process.stdout.write(`\rDeleting... ${n} nodes`));
      console.log(`${deleted > 0 ? "\n" : ""}Deleted ${deleted} nodes.`);
    }
    printReport(await loadCuratedGraph(db, graph));
    return 0;
  } finally {
    await close();
  }
}

runScript(main, usage);
