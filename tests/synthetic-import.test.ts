/**
 * The batch importer's load (src/seed/syntheticImport.ts) stores the same graph as the Cypher
 * writers: every node with its labels and typed properties, every relationship with its own, and
 * the schema the migrations create. One throw-away Neo4j of this file's own: the store is
 * imported, dumped, emptied, loaded again through transactions (several at a time) and dumped again.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDate, isDateTime } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { freePort } from "../src/db/localNeo4j.js";
import { migrate, migrations } from "../src/db/migrations.js";
import { openDatabase, type OpenDatabase } from "../src/db/open.js";
import { loadSyntheticGraph } from "../src/seed/synthetic.js";
import { finishImport, importSyntheticStore } from "../src/seed/syntheticImport.js";
import { runScript } from "./support/scripts.js";

const options = { people: 200, meetings: 800, seed: 11 };
const quiet = () => () => {};
const say = () => {};

// Java is needed for the importer even when the suite runs against NEO4J_URI.
const noJava = spawnSync("java", ["-version"], { stdio: "ignore" }).status !== 0;

/** A property as the database holds it: its Cypher type and a value that prints the same for the same value. */
const typed = (value: unknown): unknown => (Array.isArray(value) ? value.map(typed) : isDate(value) || isDateTime(value) ? String(value) : value);

// Both dumps leave out the migration records, whose times differ; everything else is compared.
const DUMP_NODES = `
MATCH (n) WHERE NOT n:Migration
RETURN labels(n) AS labels, [key IN keys(n) | [key, valueType(n[key]), n[key]]] AS props`;
const DUMP_RELATIONSHIPS = `
MATCH (a)-[r]->(b) WHERE NOT a:Migration
RETURN labels(a)[0] + ":" + a.id AS start, type(r) AS type, labels(b)[0] + ":" + b.id AS end, [key IN keys(r) | [key, valueType(r[key]), r[key]]] AS props`;

type Props = [string, string, unknown][];
const canonical = (props: Props) =>
  JSON.stringify(props.map(([key, type, value]) => [key, type, typed(value)]).sort(([a], [b]) => String(a).localeCompare(String(b))));

/** Every node and relationship, one line each, sorted: equal dumps are equal graphs (ids are unique). */
async function dump(open: OpenDatabase) {
  const nodes = await open.db.read<{ labels: string[]; props: Props }>("test.dump.nodes", DUMP_NODES);
  const relationships = await open.db.read<{ start: string; type: string; end: string; props: Props }>("test.dump.relationships", DUMP_RELATIONSHIPS);
  return {
    nodes: nodes.map((n) => `${[...n.labels].sort().join(":")} ${canonical(n.props)}`).sort(),
    relationships: relationships.map((r) => `${r.start} -${r.type}-> ${r.end} ${canonical(r.props)}`).sort(),
  };
}

describe.skipIf(noJava)("loading the synthetic graph with Neo4j's batch importer", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-import-test-"));
  let open: OpenDatabase;
  let imported: Awaited<ReturnType<typeof dump>>;

  beforeAll(async () => {
    const { fixUps } = await importSyntheticStore(dataDir, options, "256m", quiet, say);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEO4J_DATA_DIR: dataDir,
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_HEAP: "384m",
      NEO4J_PAGE_CACHE: "64m",
      // As seed:synthetic sets it: writers waiting on each other's locks on a loaded machine outlast the API's limit.
      NEO4J_QUERY_TIMEOUT_MS: "120000",
    };
    delete env.NEO4J_URI;
    open = await openDatabase(loadConfig(env), say);
    await finishImport(open.db, fixUps, say);
    imported = await dump(open);
  }, 300_000);

  afterAll(async () => {
    await open?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates the schema the migrations create, online, and records every migration as applied", async () => {
    expect(await migrate(open.db)).toEqual([]);
    const created = migrations.flatMap((m) => m.statements.flatMap((s) => /^CREATE (?:\w+ )?(?:CONSTRAINT|INDEX) (\w+)/.exec(s)?.[1] ?? []));
    const indexes = await open.db.read<{ name: string; owningConstraint: string | null; state: string }>(
      "test.indexes",
      "SHOW INDEXES YIELD name, owningConstraint, state RETURN name, owningConstraint, state",
    );
    const constraints = await open.db.read<{ name: string }>("test.constraints", "SHOW CONSTRAINTS YIELD name RETURN name");
    expect(created.filter((name) => !indexes.some((i) => i.name === name) && !constraints.some((c) => c.name === name))).toEqual([]);
    expect(indexes.filter((i) => i.state !== "ONLINE")).toEqual([]);
  });

  it("stores the same nodes, labels, properties and relationships as the Cypher writers", { timeout: 300_000 }, async () => {
    expect(imported.nodes.length).toBeGreaterThan(options.people + options.meetings);
    await open.db.write("test.empty", "MATCH (n) WHERE NOT n:Migration DETACH DELETE n");
    // Small batches, several writers at a time: the order in which batches commit must not matter.
    await loadSyntheticGraph(open.db, options, 100, quiet, 3);
    const written = await dump(open);
    expect(imported.nodes).toEqual(written.nodes);
    expect(imported.relationships).toEqual(written.relationships);
  });
});

describe("npm run seed:synthetic -- --method import", () => {
  it("refuses a database it cannot create (here the suite's, at NEO4J_URI), says why and what to do instead, and writes nothing", () => {
    const run = runScript("seed/synthetic.ts", "--people", "10", "--meetings", "10", "--method", "import");
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(
      /The batch importer writes a local store, and NEO4J_URI \(bolt:.*\) points elsewhere: unset it, or load with --method transactions\./,
    );
  });

  it("documents the methods and the writers in --help and refuses an unknown method or no writer", () => {
    const help = runScript("seed/synthetic.ts", "--help").output;
    expect(help).toMatch(/--method METHOD +how to write it \(default transactions\)/);
    expect(help).toMatch(/--writers W +transactions at a time for meetings and statements/);
    const none = runScript("seed/synthetic.ts", "--writers", "0");
    expect([none.code, none.output.split("\n")[0]]).toEqual([1, '--writers must be a positive whole number, got "0".']);
    const run = runScript("seed/synthetic.ts", "--method", "fast");
    expect([run.code, run.output.split("\n")[0]]).toEqual([1, '--method must be one of transactions, import, got "fast".']);
  });
});
