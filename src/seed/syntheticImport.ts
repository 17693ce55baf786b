/**
 * The synthetic graph through Neo4j's batch importer, for a database that does not exist yet:
 * the fast path of seed:synthetic and the benchmark. The graph is the one the Cypher writers
 * (src/db/writes.ts) store, property for property: rows come from the same `meetingRow` and
 * `statementRow`, and tests/synthetic-import.test.ts compares the two loads.
 *
 * Three steps: CSV files from the generator (`writeSyntheticCsv`), the importer (`runImport`),
 * then, with the server started on the new store, what the importer cannot do (`finishImport`):
 * the empty lists CSV cannot hold, and the schema. The store's migrations are recorded as applied,
 * since the data is written in the current model; only their schema statements run, after the
 * data, which is how an index is built fastest.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import type { Config } from "../config.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { migrations } from "../db/migrations.js";
import { openDatabase, type OpenDatabase } from "../db/open.js";
import { UserFacingError } from "../script.js";
import { NodeTable, RelationshipTable, runImport, storeExists, type Columns, type FixUp } from "./csvImport.js";
import { syntheticMeetings, syntheticPeople, syntheticReferenceData, syntheticStatements, type Progress, type SyntheticOptions } from "./synthetic.js";
import type { SeedMeeting, SeedPerson, SeedStatement } from "../model/entries.js";
import { meetingRow, searchText, sourceLists, statementRow } from "../db/writes.js";

/** Rows generated at a time, a progress step each: a small batch is garbage before the young generation fills. */
const ROWS_PER_BATCH = 1_000;

const SOURCE_LIST: Columns = { sourceIds: "string[]", excerpts: "string[]", bases: "string[]", notes: "string[]" };
const CLAIM_EVIDENCE: Columns = { basis: "string", note: "string", hedge: "string", rank: "string", rankReason: "string", preferred: "boolean" };
const CLAIM: Columns = { field: "string", value: "string", wording: "string", excerpt: "string", ...CLAIM_EVIDENCE };
const DURATION_CLAIM: Columns = {
  ...CLAIM,
  figureMinutes: "double",
  granularityMinutes: "double",
  bound: "string",
  minutes: "double",
  minMinutes: "double",
  maxMinutes: "double",
  approximate: "boolean",
};
const estimate = (key: string): Columns =>
  Object.fromEntries(["Earliest", "Latest", "Wording", "SourceId", "Basis", "Note"].map((part) => [`${key}${part}`, "string"]));
const MEETING: Columns = {
  kind: "string",
  title: "string",
  date: "string",
  datePrecision: "string",
  startsAt: "string",
  endsAt: "string",
  outcome: "string",
  searchText: "string",
  durationMinutes: "double",
  durationMinMinutes: "double",
  durationMaxMinutes: "double",
  durationApproximate: "boolean",
  durationHedge: "string",
  durationWording: "string",
  durationSourceId: "string",
  consensusMinMinutes: "double",
  consensusMaxMinutes: "double",
  consensusCompatible: "boolean",
  consensusClaimCount: "double",
  ...estimate("began"),
  ...estimate("ended"),
  dateStart: "date",
  dateEnd: "date",
};
const STATEMENT: Columns = {
  text: "string",
  saidOn: "string",
  datePrecision: "string",
  occasion: "string",
  quoted: "boolean",
  searchText: "string",
  saidOnStart: "date",
  saidOnEnd: "date",
};

/** Every table of the graph, opened in `dir`. */
function openTables(dir: string) {
  const node = (labels: string[], columns: Columns) => new NodeTable(dir, labels, columns);
  const rel = (from: string, type: string, to: string, columns?: Columns) => new RelationshipTable(dir, from, type, to, columns);
  return {
    country: node(["Country"], { name: "string", searchText: "string" }),
    organization: node(["Organization"], { name: "string", kind: "string", aliases: "string[]", searchText: "string" }),
    place: node(["Place"], { name: "string", kind: "string", searchText: "string" }),
    topic: node(["Topic"], { name: "string", description: "string" }),
    source: node(["Source"], {
      title: "string",
      publisher: "string",
      publishedOn: "string",
      datePrecision: "string",
      url: "string",
      kind: "string",
      file: "string",
      note: "string",
    }),
    person: node(["Person"], { name: "string", aliases: "string[]", searchText: "string" }),
    role: node(["Role"], { title: "string", from: "string", to: "string" }),
    meeting: node(["Meeting"], MEETING),
    claim: node(["Claim"], CLAIM),
    durationClaim: node(["Claim", "DurationClaim"], DURATION_CLAIM),
    statement: node(["Statement"], STATEMENT),
    wording: node(["Wording"], { text: "string", quoted: "boolean", attributedTo: "string", basis: "string", note: "string" }),
    migration: new NodeTable(dir, ["Migration"], { version: "double", name: "string", appliedAt: "datetime" }, false),
    basedIn: rel("Organization", "BASED_IN", "Country"),
    withinPlace: rel("Place", "WITHIN", "Place"),
    withinCountry: rel("Place", "WITHIN", "Country"),
    publishedBy: rel("Source", "PUBLISHED_BY", "Organization"),
    ofCountry: rel("Person", "OF_COUNTRY", "Country"),
    holds: rel("Person", "HOLDS", "Role"),
    at: rel("Role", "AT", "Organization"),
    for: rel("Role", "FOR", "Country"),
    sourcedBy: rel("Role", "SOURCED_BY", "Source", { excerpt: "string", basis: "string", note: "string" }),
    related: rel("Person", "RELATED", "Person", { kind: "string", ...SOURCE_LIST }),
    heldAt: rel("Meeting", "HELD_AT", "Place"),
    meetingAbout: rel("Meeting", "ABOUT", "Topic"),
    involved: rel("Meeting", "INVOLVED", "Organization"),
    hasClaim: rel("Meeting", "HAS_CLAIM", "Claim"),
    hasDuration: rel("Meeting", "HAS_DURATION", "Claim"),
    claimFrom: rel("Claim", "FROM", "Source"),
    attended: rel("Person", "ATTENDED", "Meeting", { role: "string", delegationCountryId: "string", ...SOURCE_LIST }),
    said: rel("Person", "SAID", "Statement"),
    inContextOf: rel("Statement", "IN_CONTEXT_OF", "Meeting"),
    madeIn: rel("Statement", "MADE_IN", "Place"),
    statementAbout: rel("Statement", "ABOUT", "Topic"),
    hasWording: rel("Statement", "HAS_WORDING", "Wording"),
    wordingFrom: rel("Wording", "FROM", "Source"),
  };
}
type Tables = ReturnType<typeof openTables>;

function writeReferenceData(t: Tables, reference: ReturnType<typeof syntheticReferenceData>) {
  for (const c of reference.countries) t.country.add(c.id, { name: c.name, searchText: c.name });
  for (const o of reference.organizations) {
    t.organization.add(o.id, { name: o.name, kind: o.kind, aliases: o.aliases, searchText: searchText(o.name, ...o.aliases) });
    if (o.countryId !== null) t.basedIn.add(o.id, o.countryId);
  }
  for (const p of reference.places) {
    t.place.add(p.id, { name: p.name, kind: p.kind, searchText: p.name });
    if (p.withinPlaceId !== null) t.withinPlace.add(p.id, p.withinPlaceId);
    else if (p.countryId !== null) t.withinCountry.add(p.id, p.countryId);
  }
  for (const topic of reference.topics) t.topic.add(topic.id, { name: topic.name, description: topic.description });
  for (const { publishedById, id, ...props } of reference.sources) {
    t.source.add(id, props);
    if (publishedById !== null) t.publishedBy.add(id, publishedById);
  }
}

function writePeople(t: Tables, people: SeedPerson[]) {
  for (const p of people) {
    t.person.add(p.id, { name: p.name, aliases: p.aliases, searchText: searchText(p.name, ...p.aliases) });
    for (const countryId of p.countryIds) t.ofCountry.add(p.id, countryId);
    for (const role of p.roles) {
      t.role.add(role.id, { title: role.title, from: role.from, to: role.to });
      t.holds.add(p.id, role.id);
      if (role.organizationId !== null) t.at.add(role.id, role.organizationId);
      if (role.countryId !== null) t.for.add(role.id, role.countryId);
      for (const ref of role.sources) t.sourcedBy.add(role.id, ref.sourceId, { excerpt: ref.excerpt, basis: ref.basis, note: ref.note });
    }
    for (const r of p.relations) t.related.add(p.id, r.toPersonId, { kind: r.kind, ...sourceLists(r.sources) });
  }
}

function writeMeetings(t: Tables, meetings: SeedMeeting[]) {
  for (const m of meetings.map(meetingRow)) {
    t.meeting.add(m.id, { ...m.props, dateStart: m.dateStart, dateEnd: m.dateEnd });
    if (m.placeId !== null) t.heldAt.add(m.id, m.placeId);
    for (const topicId of m.topicIds) t.meetingAbout.add(m.id, topicId);
    for (const orgId of m.organizationIds) t.involved.add(m.id, orgId);
    for (const c of m.claims) {
      t.claim.add(c.id, c.props);
      t.hasClaim.add(m.id, c.id);
      t.claimFrom.add(c.id, c.sourceId);
    }
    for (const d of m.durations) {
      t.durationClaim.add(d.id, d.props);
      t.hasDuration.add(m.id, d.id);
      t.claimFrom.add(d.id, d.sourceId);
    }
    for (const { personId, ...props } of m.participants) t.attended.add(personId, m.id, props);
  }
}

function writeStatements(t: Tables, statements: SeedStatement[]) {
  for (const s of statements.map(statementRow)) {
    t.statement.add(s.id, { ...s.props, saidOnStart: s.saidOnStart, saidOnEnd: s.saidOnEnd });
    t.said.add(s.speakerId, s.id);
    if (s.meetingId !== null) t.inContextOf.add(s.id, s.meetingId);
    if (s.placeId !== null) t.madeIn.add(s.id, s.placeId);
    for (const topicId of s.topicIds) t.statementAbout.add(s.id, topicId);
    for (const w of s.wordings) {
      t.wording.add(w.id, w.props);
      t.hasWording.add(s.id, w.id);
      t.wordingFrom.add(w.id, w.sourceId);
    }
  }
}

function writeAll<B extends unknown[]>(label: string, total: number, batches: Iterable<B>, write: (batch: B) => void, progress: Progress) {
  const report = progress(`${label} csv`, total);
  let done = 0;
  report(0);
  for (const batch of batches) {
    write(batch);
    done += batch.length;
    report(done);
  }
}

/** Writes the synthetic graph as CSV tables into `dir`; answers the tables, closed. */
export function writeSyntheticCsv(dir: string, options: SyntheticOptions, progress: Progress) {
  const t = openTables(dir);
  const reference = syntheticReferenceData(options.seed);
  writeReferenceData(t, reference);
  // The data is in the current model: every migration counts as applied (its schema statements run in finishImport).
  const appliedAt = new Date().toISOString();
  for (const m of migrations) t.migration.add(`migration-${m.version}`, { version: m.version, name: m.name, appliedAt });
  writeAll("people", options.people, syntheticPeople(options, ROWS_PER_BATCH), (batch) => writePeople(t, batch), progress);
  writeAll(
    "meetings",
    options.meetings,
    syntheticMeetings(options, reference.buildingsByCountry, ROWS_PER_BATCH),
    (batch) => writeMeetings(t, batch),
    progress,
  );
  writeAll("statements", Math.floor(options.meetings / 10), syntheticStatements(options, ROWS_PER_BATCH), (batch) => writeStatements(t, batch), progress);
  const tables = Object.values(t);
  for (const table of tables) table.close();
  return tables;
}

export interface ImportTimings {
  csvSeconds: number;
  importSeconds: number;
}

/**
 * Creates the store of a database that does not exist yet, holding the synthetic graph. The
 * server must not be running on `dataDir`; start it afterwards and call `finishImport`.
 */
export async function importSyntheticStore(
  dataDir: string,
  options: SyntheticOptions,
  memory: string,
  progress: Progress,
  say: (message: string) => void,
): Promise<{ fixUps: FixUp[]; timings: ImportTimings }> {
  const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-import-"));
  try {
    const started = Date.now();
    const tables = writeSyntheticCsv(csvDir, options, progress);
    const csvSeconds = (Date.now() - started) / 1000;
    say(`Wrote the CSV files in ${csvSeconds.toFixed(1)} s; importing...`);
    await runImport({ dataDir, csvDir, tables, memory, say });
    const importSeconds = (Date.now() - started) / 1000 - csvSeconds;
    return { fixUps: tables.flatMap((table) => table.fixUps()), timings: { csvSeconds, importSeconds } };
  } finally {
    fs.rmSync(csvDir, { recursive: true, force: true });
  }
}

/** Schema statements (constraints, indexes), as opposed to data migrations and waits for indexes. */
const SCHEMA_STATEMENT = /^\s*(?:CREATE|DROP)\s+(?:CONSTRAINT|(?:\w+\s+)?INDEX)\b/i;

/**
 * Creates the migrations' constraints and indexes, then waits for them. An index's statement returns
 * at once and Neo4j builds it in the background; a constraint's returns when its index is built, so
 * the constraints run each on its own session, side by side, where one after the other each waited
 * for the last. Two schema statements on one label deadlock on its lock, hence the indexes first and
 * one at a time, and the constraints side by side only because each is on a label of its own. (One
 * transaction creating them all was slower: its constraints were still built one by one.)
 */
async function createSchema(db: Neo4jExecutor) {
  const statements = migrations.flatMap((m) => m.statements.filter((s) => SCHEMA_STATEMENT.test(s)));
  const constraint = (statement: string) => /\bCONSTRAINT\b/i.test(statement);
  for (const statement of statements.filter((s) => !constraint(s))) await db.write("import.schema", statement);
  await Promise.all(statements.filter(constraint).map((statement) => db.write("import.schema", statement)));
  await db.write("import.schema", "CALL db.awaitIndexes(3600)");
}

/** What the importer cannot do, once the server runs on the new store: the empty lists CSV cannot hold, then the schema. */
export async function finishImport(
  db: Neo4jExecutor,
  fixUps: FixUp[],
  say: (message: string) => void,
): Promise<{ fixUpSeconds: number; schemaSeconds: number }> {
  const started = Date.now();
  // CALL … IN TRANSACTIONS commits as it goes, so it runs outside the executor's managed transactions.
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    for (const cypher of fixUps) await session.run(cypher);
  } finally {
    await session.close();
  }
  const fixUpSeconds = (Date.now() - started) / 1000;
  say(`Set the empty lists CSV cannot hold in ${fixUpSeconds.toFixed(1)} s; creating constraints and indexes...`);
  await createSchema(db);
  return { fixUpSeconds, schemaSeconds: (Date.now() - started) / 1000 - fixUpSeconds };
}

export interface ImportReport extends ImportTimings {
  /** From the first CSV line to the indexes online, the server's start included. */
  seconds: number;
  startSeconds: number;
  fixUpSeconds: number;
  schemaSeconds: number;
}

/** True when the batch importer can load this configuration's database: a local one, not created yet. */
export const canImport = (config: Config) => !config.NEO4J_URI && !storeExists(config.NEO4J_DATA_DIR);

/**
 * The whole fast path: a new local store holding the synthetic graph, the server started on it
 * (as `openDatabase` starts it), and the schema online. The caller closes the database.
 */
export async function importAndOpen(
  config: Config,
  options: SyntheticOptions,
  memory: string,
  progress: Progress,
  say: (message: string) => void,
): Promise<{ open: OpenDatabase; report: ImportReport }> {
  if (!canImport(config)) {
    throw new UserFacingError(
      config.NEO4J_URI
        ? `The batch importer writes a local store, and NEO4J_URI (${config.NEO4J_URI}) points elsewhere: unset it, or load with --method transactions.`
        : `${config.NEO4J_DATA_DIR} already holds a database, and the batch importer only creates new ones: set NEO4J_DATA_DIR to a new directory, ` +
            "delete this one (`npm run db:reset -- --yes`), or load with --method transactions.",
    );
  }
  const started = Date.now();
  const { fixUps, timings } = await importSyntheticStore(config.NEO4J_DATA_DIR, options, memory, progress, say);
  const startedServerAt = Date.now();
  const open = await openDatabase(config, say);
  try {
    const startSeconds = (Date.now() - startedServerAt) / 1000;
    const finished = await finishImport(open.db, fixUps, say);
    return { open, report: { ...timings, startSeconds, ...finished, seconds: (Date.now() - started) / 1000 } };
  } catch (error) {
    await open.close();
    throw error;
  }
}
