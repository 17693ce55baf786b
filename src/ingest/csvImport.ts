/**
 * Neo4j's batch importer (`neo4j-admin database import full`, run from the jars in neo4j/lib):
 * CSV tables written here, imported into a store that does not exist yet.
 *
 * The importer writes the store files directly, without transactions, locks or indexes, which
 * is what makes it many times faster than Cypher; in exchange it can only create a new store,
 * the server must not be running, and schema comes afterwards.
 *
 * One thing CSV cannot say: an empty list, or a list of one empty string (the importer reads
 * both as an empty field and stores nothing). The Cypher writers store such lists, so each list
 * column remembers the values it could not write, and `fixUps` sets them after the import; a
 * column with more than one such value cannot be fixed up by a constant and is refused.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { ensureNeo4jJars, libDir as neo4jLibDir } from "../db/localNeo4j.js";
import { UserFacingError } from "../script.js";

export type ColumnType = "string" | "double" | "boolean" | "date" | "datetime" | "string[]";
export type Columns = Record<string, ColumnType>;

/** Between list elements: a control character no text of ours contains. */
const ARRAY_DELIMITER = "\u001f";
const FLUSH_AT_CHARS = 1 << 20;

/** A statement to run after the import, outside any explicit transaction (it batches itself). */
export interface FixUp {
  cypher: string;
  params: { value: unknown };
}

function field(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return "";
  switch (type) {
    case "string":
      return quote(String(value));
    case "string[]":
      return quote(
        (value as unknown[])
          .map((element) => {
            const text = String(element);
            if (text.includes(ARRAY_DELIMITER)) throw new Error(`A list element contains the array delimiter U+001F: ${JSON.stringify(text)}.`);
            return text;
          })
          .join(ARRAY_DELIMITER),
      );
    default:
      return String(value);
  }
}

function quote(text: string): string {
  // Multi-line fields would make the importer read every file in its slow mode.
  if (/[\r\n]/.test(text)) throw new Error(`The batch importer is run without multi-line fields, and a value has a line break: ${JSON.stringify(text)}.`);
  return `"${text.replaceAll('"', '""')}"`;
}

/** A list the importer would store as nothing. */
const inexpressible = (value: unknown, type: ColumnType) => type === "string[]" && Array.isArray(value) && (value.length === 0 || (value.length === 1 && value[0] === ""));

abstract class CsvTable {
  private buffer: string[] = [];
  private bufferedChars = 0;
  private readonly fd: number;
  /** Per list column, the distinct values the CSV could not hold (as JSON). */
  private readonly unwritten = new Map<string, Set<string>>();

  constructor(
    readonly file: string,
    private readonly columns: Columns,
    header: string[],
  ) {
    this.fd = fs.openSync(file, "w");
    fs.writeSync(this.fd, `${header.join(",")}\n`);
  }

  protected addLine(keys: string[], props: Record<string, unknown>) {
    for (const name of Object.keys(props)) {
      // A property the Cypher writers would store and this table has no column for must not vanish silently.
      if (!(name in this.columns) && props[name] !== null && props[name] !== undefined) throw new Error(`${this.file} has no column for the property "${name}".`);
    }
    const fields = keys.map((key) => quote(key));
    for (const [name, type] of Object.entries(this.columns)) {
      const value = props[name];
      if (inexpressible(value, type)) {
        const seen = this.unwritten.get(name) ?? new Set<string>();
        seen.add(JSON.stringify(value));
        this.unwritten.set(name, seen);
      }
      fields.push(field(value, type));
    }
    const line = `${fields.join(",")}\n`;
    this.buffer.push(line);
    this.bufferedChars += line.length;
    if (this.bufferedChars >= FLUSH_AT_CHARS) this.flush();
  }

  private flush() {
    fs.writeSync(this.fd, this.buffer.join(""));
    this.buffer = [];
    this.bufferedChars = 0;
  }

  close() {
    this.flush();
    fs.closeSync(this.fd);
  }

  /** The statements that set, after the import, the list values this table could not hold. */
  fixUps(): FixUp[] {
    return [...this.unwritten].map(([name, values]) => {
      if (values.size > 1) throw new Error(`${this.file}: the column "${name}" has several values CSV cannot hold (${[...values].join(", ")}); the batch importer cannot write them.`);
      return { cypher: this.fixUpCypher(name), params: { value: JSON.parse([...values][0]!) as unknown } };
    });
  }

  /** An import argument naming the file. */
  abstract argument(): string;
  protected abstract fixUpCypher(property: string): string;
}

/** Nodes with the same labels, keyed by their `id` property within the first label's id space. */
export class NodeTable extends CsvTable {
  constructor(
    dir: string,
    private readonly labels: string[],
    columns: Columns,
    /** False for nodes that have no id property (they are never the end of a relationship). */
    private readonly storesId = true,
  ) {
    super(path.join(dir, `nodes-${labels.join("-")}.csv`), columns, [`${storesId ? "id" : ""}:ID(${labels[0]})`, ...Object.entries(columns).map(([name, type]) => `${name}:${type}`)]);
  }

  add(id: string, props: Record<string, unknown>) {
    this.addLine([id], props);
  }

  argument() {
    return `--nodes=${this.labels.join(":")}=${this.file}`;
  }

  // Labels and property names are the code's own constants, never input.
  protected fixUpCypher(property: string) {
    return `MATCH (n:${this.labels.join(":")}) WHERE n.${property} IS NULL AND size(labels(n)) = ${this.labels.length}
CALL (n) { SET n.${property} = $value } IN TRANSACTIONS OF 10000 ROWS`;
  }
}

/** Relationships of one type between the id spaces of two labels. */
export class RelationshipTable extends CsvTable {
  constructor(
    dir: string,
    private readonly from: string,
    private readonly type: string,
    private readonly to: string,
    columns: Columns = {},
  ) {
    super(path.join(dir, `relationships-${from}-${type}-${to}.csv`), columns, [`:START_ID(${from})`, `:END_ID(${to})`, ...Object.entries(columns).map(([name, type]) => `${name}:${type}`)]);
  }

  add(fromId: string, toId: string, props: Record<string, unknown> = {}) {
    this.addLine([fromId, toId], props);
  }

  argument() {
    return `--relationships=${this.type}=${this.file}`;
  }

  protected fixUpCypher(property: string) {
    return `MATCH (:${this.from})-[r:${this.type}]->(:${this.to}) WHERE r.${property} IS NULL
CALL (r) { SET r.${property} = $value } IN TRANSACTIONS OF 10000 ROWS`;
  }
}

export interface ImportOptions {
  /** The NEO4J_HOME of the embedded server: its store is `data/databases/neo4j` under it. */
  dataDir: string;
  /** Where the CSV files are (removed by the caller). */
  csvDir: string;
  tables: CsvTable[];
  /** The importer JVM's heap; its off-heap caches get the same. */
  memory: string;
  say: (message: string) => void;
}

/** True when the data directory holds no store for the default database: the importer can write one. */
export const storeExists = (dataDir: string) => fs.existsSync(path.join(dataDir, "data", "databases", "neo4j"));

/** The importer's stage lines ("(1/4) Node import …", "IMPORT DONE in …"), without its dot-by-dot progress. */
const STAGE_LINE = /^\(\d\/\d\)|^IMPORT (DONE|FAILED)|^\s+\d+ (nodes|relationships|properties)$|^Imported:$/;

/** Runs `neo4j-admin database import full` on the tables; rejects with the importer's last words if it fails. */
export async function runImport({ dataDir, csvDir, tables, memory, say }: ImportOptions): Promise<void> {
  if (storeExists(dataDir)) {
    throw new UserFacingError(`${dataDir} already holds a database; the batch importer only creates new ones. Use an empty data directory, or load with transactions.`);
  }
  ensureNeo4jJars(say);
  const confDir = path.join(csvDir, "conf");
  fs.mkdirSync(confDir, { recursive: true });
  fs.writeFileSync(path.join(confDir, "neo4j.conf"), "");
  fs.mkdirSync(dataDir, { recursive: true });
  const args = [
    `-Xmx${memory}`,
    "-cp",
    path.join(neo4jLibDir, "*"),
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    // Before the file options, which take every following argument as a file.
    "neo4j",
    `--array-delimiter=U+001F`,
    `--max-off-heap-memory=${memory}`,
    `--report-file=${path.join(csvDir, "import.report")}`,
    ...tables.map((table) => table.argument()),
  ];
  const child = spawn("java", args, { env: { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: confDir }, stdio: ["ignore", "pipe", "pipe"] });
  const last: string[] = [];
  const keep = (line: string) => {
    last.push(line);
    if (last.length > 30) last.shift();
  };
  createInterface({ input: child.stdout }).on("line", (line) => {
    keep(line);
    if (STAGE_LINE.test(line)) say(`importer: ${line.trim()}`);
  });
  createInterface({ input: child.stderr }).on("line", keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) throw new UserFacingError(`The batch importer failed (exit ${code}):\n${last.join("\n")}\nIts report is in ${path.join(csvDir, "import.report")}.`);
}
