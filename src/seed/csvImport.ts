/**
 * Neo4j's batch importer (`neo4j-admin database import full`, run from the jars in neo4j/lib):
 * CSV tables written here, imported into a store that does not exist yet.
 *
 * The importer writes the store files directly, without transactions, locks or indexes, which
 * is what makes it many times faster than Cypher; in exchange it can only create a new store,
 * the server must not be running, and schema comes afterwards.
 *
 * Lists: the importer reads an empty field as no property, so a list of one empty string is
 * written as one blank (the importer trims list elements and unquoted fields, never quoted
 * strings), and an empty list cannot be written at all. The Cypher writers store empty lists, so
 * each list column remembers whether it had one, and `fixUps` sets them after the import.
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
const CHUNK_BYTES = 1 << 20;

/** A statement to run after the import, outside any explicit transaction (it batches itself). */
export type FixUp = string;

/**
 * Where a table's file goes. A table written by several threads has a part per thread: the
 * importer reads a table's files one after the other, the header from the first, so a part
 * (numbered from 1) has no header of its own.
 */
export interface TableLocation {
  dir: string;
  part?: number;
}

/** What a table's part, written elsewhere (another thread), adds to the table: its file and what its lists held. */
export interface TablePart {
  file: string;
  emptyLists: string[];
  missingLists: string[];
}

function field(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return "";
  switch (type) {
    case "string":
      return quote(String(value));
    case "string[]":
      return quote((value as unknown[]).map(listElement).join(ARRAY_DELIMITER));
    default:
      return String(value);
  }
}

/** An empty element becomes a blank, which the importer trims back to "" (an empty field would be no list at all). */
function listElement(element: unknown): string {
  const text = String(element);
  if (text === "") return " ";
  if (text.includes(ARRAY_DELIMITER) || text.trim() !== text)
    throw new Error(`A list element the importer would change (the array delimiter U+001F, or blanks around it): ${JSON.stringify(text)}.`);
  return text;
}

function quote(text: string): string {
  // Multi-line fields would make the importer read every file in its slow mode.
  if (text.includes("\n") || text.includes("\r"))
    throw new Error(`The batch importer is run without multi-line fields, and a value has a line break: ${JSON.stringify(text)}.`);
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

abstract class CsvTable {
  /** Lines go straight into one large buffer: short-lived strings die young, where the old generation's GC never sees them. */
  private readonly chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private readonly fd: number;
  private readonly columnList: [string, ColumnType][];
  /** The list columns that had an empty list, which CSV cannot hold, and those that had none at all. */
  private readonly emptyLists = new Set<string>();
  private readonly missingLists = new Set<string>();
  private readonly partFiles: string[] = [];
  readonly file: string;

  constructor(
    at: TableLocation,
    name: string,
    private readonly columns: Columns,
    header: string[],
  ) {
    this.file = path.join(at.dir, at.part === undefined ? `${name}.csv` : `${name}.part${at.part}.csv`);
    this.columnList = Object.entries(columns);
    this.fd = fs.openSync(this.file, "w");
    if (at.part === undefined) this.append(`${header.join(",")}\n`);
  }

  protected addLine(keys: string[], props: Record<string, unknown>) {
    for (const name in props) {
      // A property the Cypher writers would store and this table has no column for must not vanish silently.
      if (!(name in this.columns) && props[name] !== null && props[name] !== undefined)
        throw new Error(`${this.file} has no column for the property "${name}".`);
    }
    let line = quote(keys[0]!);
    for (let i = 1; i < keys.length; i++) line += `,${quote(keys[i]!)}`;
    for (const [name, type] of this.columnList) {
      const value = props[name];
      if (type === "string[]") {
        if ((value ?? null) === null) this.missingLists.add(name);
        else if (Array.isArray(value) && value.length === 0) this.emptyLists.add(name);
      }
      line += `,${field(value, type)}`;
    }
    this.append(`${line}\n`);
  }

  private append(text: string) {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    if (this.used + text.length * 3 > CHUNK_BYTES) this.flush();
    if (text.length * 3 > CHUNK_BYTES) fs.writeSync(this.fd, text);
    else this.used += this.chunk.write(text, this.used);
  }

  private flush() {
    let written = 0;
    while (written < this.used) written += fs.writeSync(this.fd, this.chunk, written, this.used - written);
    this.used = 0;
  }

  close() {
    this.flush();
    fs.closeSync(this.fd);
  }

  /** This table as a part of the table another thread writes (after `close`). */
  part(): TablePart {
    return { file: this.file, emptyLists: [...this.emptyLists], missingLists: [...this.missingLists] };
  }

  /** Takes in a part written elsewhere: the importer reads its file after this table's. */
  addPart(part: TablePart) {
    this.partFiles.push(part.file);
    for (const name of part.emptyLists) this.emptyLists.add(name);
    for (const name of part.missingLists) this.missingLists.add(name);
  }

  /** The table's files, as the importer takes them: the one with the header first. */
  protected files(): string {
    return [this.file, ...this.partFiles].join(",");
  }

  /** The statements that set, after the import, the empty lists this table could not hold. */
  fixUps(): FixUp[] {
    return [...this.emptyLists].map((name) => {
      // Both would be read back as no property, and only one of them can be set afterwards.
      if (this.missingLists.has(name))
        throw new Error(`${this.file}: the column "${name}" has both empty lists and no list, which the batch importer cannot tell apart.`);
      return this.fixUpCypher(name);
    });
  }

  /** An import argument naming the file. */
  abstract argument(): string;
  protected abstract fixUpCypher(property: string): string;
}

/** Nodes with the same labels, keyed by their `id` property within the first label's id space. */
export class NodeTable extends CsvTable {
  constructor(
    at: TableLocation,
    private readonly labels: string[],
    columns: Columns,
    /** False for nodes that have no id property (they are never the end of a relationship). */
    private readonly storesId = true,
  ) {
    super(at, `nodes-${labels.join("-")}`, columns, [
      `${storesId ? "id" : ""}:ID(${labels[0]})`,
      ...Object.entries(columns).map(([name, type]) => `${name}:${type}`),
    ]);
  }

  add(id: string, props: Record<string, unknown>) {
    this.addLine([id], props);
  }

  argument() {
    return `--nodes=${this.labels.join(":")}=${this.files()}`;
  }

  // Labels and property names are the code's own constants, never input.
  protected fixUpCypher(property: string) {
    return `MATCH (n:${this.labels.join(":")}) WHERE n.${property} IS NULL AND size(labels(n)) = ${this.labels.length}
CALL (n) { SET n.${property} = [] } IN TRANSACTIONS OF 10000 ROWS`;
  }
}

/** Relationships of one type between the id spaces of two labels. */
export class RelationshipTable extends CsvTable {
  constructor(
    at: TableLocation,
    private readonly from: string,
    private readonly type: string,
    private readonly to: string,
    columns: Columns = {},
  ) {
    super(at, `relationships-${from}-${type}-${to}`, columns, [
      `:START_ID(${from})`,
      `:END_ID(${to})`,
      ...Object.entries(columns).map(([name, type]) => `${name}:${type}`),
    ]);
  }

  add(fromId: string, toId: string, props: Record<string, unknown> = {}) {
    this.addLine([fromId, toId], props);
  }

  argument() {
    return `--relationships=${this.type}=${this.files()}`;
  }

  protected fixUpCypher(property: string) {
    return `MATCH (:${this.from})-[r:${this.type}]->(:${this.to}) WHERE r.${property} IS NULL
CALL (r) { SET r.${property} = [] } IN TRANSACTIONS OF 10000 ROWS`;
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

const storeDir = (dataDir: string) => path.join(dataDir, "data", "databases", "neo4j");

/** True when the data directory holds a store for the default database: the importer cannot write one there. */
export const storeExists = (dataDir: string) => fs.existsSync(storeDir(dataDir));

/** The importer's stage lines ("(1/4) Node import …", "IMPORT DONE in …"), without its dot-by-dot progress. */
const STAGE_LINE = /^\(\d\/\d\)|^IMPORT (DONE|FAILED)|^\s+\d+ (nodes|relationships|properties)$|^Imported:$/;

/** Runs `neo4j-admin database import full` on the tables; rejects with the importer's last words if it fails. */
export async function runImport({ dataDir, csvDir, tables, memory, say }: ImportOptions): Promise<void> {
  if (storeExists(dataDir)) {
    throw new UserFacingError(
      `${dataDir} already holds a database; the batch importer only creates new ones. Use an empty data directory, or load with transactions.`,
    );
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
    // Brings a blank list element back to "" (see listElement); every string field is quoted, so untouched.
    "--trim-strings=true",
    `--max-off-heap-memory=${memory}`,
    // Its default place is the working directory; the CSV directory goes away with it.
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
  if (code !== 0) {
    // A failed import leaves a store no server should open; it was not there before, so it goes.
    for (const dir of [storeDir(dataDir), path.join(dataDir, "data", "transactions", "neo4j")]) fs.rmSync(dir, { recursive: true, force: true });
    throw new UserFacingError(`The batch importer failed (exit ${code}):\n${last.join("\n")}\nFix the cause above, then load again.`);
  }
}
