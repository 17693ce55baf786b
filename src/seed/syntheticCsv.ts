/**
 * The synthetic graph as CSV tables for Neo4j's batch importer (src/seed/csvImport.ts), in the
 * importer's column types. Rows come from the Cypher writers' own `meetingRow` and
 * `statementRow`, so the imported graph is the one they store.
 *
 * Meetings are most of the rows: writer threads (src/seed/syntheticCsvWorker.ts) each write a
 * range of them into parts of the meeting tables, while this thread writes everything else. The
 * generator makes each meeting from its own seed, so the files hold the same rows however the
 * meetings are split.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { migrations } from "../db/migrations.js";
import { meetingRow, searchText, sourceLists, statementRow } from "../db/writes.js";
import type { SeedMeeting, SeedPerson, SeedStatement } from "../model/entries.js";
import { NodeTable, RelationshipTable, type Columns, type TableLocation, type TablePart } from "./csvImport.js";
import {
  syntheticMeetings,
  syntheticPeople,
  syntheticReferenceData,
  syntheticStatements,
  type MeetingRange,
  type Progress,
  type SyntheticOptions,
} from "./synthetic.js";

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

const tableMakers = (at: TableLocation) => ({
  node: (labels: string[], columns: Columns) => new NodeTable(at, labels, columns),
  rel: (from: string, type: string, to: string, columns?: Columns) => new RelationshipTable(at, from, type, to, columns),
});

/** The tables a meeting's rows go to, which the meeting writer threads each write a part of. */
function openMeetingTables(at: TableLocation) {
  const { node, rel } = tableMakers(at);
  return {
    meeting: node(["Meeting"], MEETING),
    claim: node(["Claim"], CLAIM),
    durationClaim: node(["Claim", "DurationClaim"], DURATION_CLAIM),
    heldAt: rel("Meeting", "HELD_AT", "Place"),
    meetingAbout: rel("Meeting", "ABOUT", "Topic"),
    involved: rel("Meeting", "INVOLVED", "Organization"),
    hasClaim: rel("Meeting", "HAS_CLAIM", "Claim"),
    hasDuration: rel("Meeting", "HAS_DURATION", "Claim"),
    claimFrom: rel("Claim", "FROM", "Source"),
    attended: rel("Person", "ATTENDED", "Meeting", { role: "string", delegationCountryId: "string", ...SOURCE_LIST }),
  };
}
type MeetingTables = ReturnType<typeof openMeetingTables>;
type MeetingTableName = keyof MeetingTables;

/** Every table of the graph, opened in `dir`. */
function openTables(dir: string) {
  const { node, rel } = tableMakers({ dir });
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
    statement: node(["Statement"], STATEMENT),
    wording: node(["Wording"], { text: "string", quoted: "boolean", attributedTo: "string", basis: "string", note: "string" }),
    migration: new NodeTable({ dir }, ["Migration"], { version: "double", name: "string", appliedAt: "datetime" }, false),
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
    said: rel("Person", "SAID", "Statement"),
    inContextOf: rel("Statement", "IN_CONTEXT_OF", "Meeting"),
    madeIn: rel("Statement", "MADE_IN", "Place"),
    statementAbout: rel("Statement", "ABOUT", "Topic"),
    hasWording: rel("Statement", "HAS_WORDING", "Wording"),
    wordingFrom: rel("Wording", "FROM", "Source"),
    ...openMeetingTables({ dir }),
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

function writeMeetings(t: MeetingTables, meetings: SeedMeeting[]) {
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

/** Writes a range of meetings into parts of the meeting tables; answers the parts, closed. */
export function writeMeetingsCsv(
  at: TableLocation,
  options: SyntheticOptions,
  range: MeetingRange,
  onBatch: (rows: number) => void,
): Record<MeetingTableName, TablePart> {
  const t = openMeetingTables(at);
  const { buildingsByCountry } = syntheticReferenceData(options.seed);
  for (const batch of syntheticMeetings(options, buildingsByCountry, ROWS_PER_BATCH, range)) {
    writeMeetings(t, batch);
    onBatch(batch.length);
  }
  for (const table of Object.values(t)) table.close();
  return Object.fromEntries(Object.entries(t).map(([name, table]) => [name, table.part()])) as Record<MeetingTableName, TablePart>;
}

/** What the main thread sends a meeting writer thread. */
export interface MeetingWriterTask {
  at: TableLocation;
  options: SyntheticOptions;
  range: MeetingRange;
}

/** A message from a meeting writer thread: rows written so far, or its parts when it is done. */
export type MeetingWriterMessage = { rows: number } | { parts: Record<MeetingTableName, TablePart> };

/** The worker's module beside this one: TypeScript under tsx and the tests, JavaScript once compiled. */
const workerModule = new URL(`./syntheticCsvWorker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** A thread does not inherit tsx's hooks: under tsx it registers them before loading the TypeScript module. */
const newWorker = (workerData: MeetingWriterTask) =>
  workerModule.pathname.endsWith(".ts")
    ? new Worker(`import("tsx/esm/api").then((tsx) => tsx.register()).then(() => import(${JSON.stringify(workerModule.href)}))`, { eval: true, workerData })
    : new Worker(workerModule, { workerData });

function runMeetingWriter(task: MeetingWriterTask, onRows: (rows: number) => void): Promise<Record<MeetingTableName, TablePart>> {
  return new Promise((resolve, reject) => {
    const worker = newWorker(task);
    let parts: Record<MeetingTableName, TablePart> | undefined;
    worker.on("message", (message: MeetingWriterMessage) => {
      if ("rows" in message) onRows(message.rows);
      else parts = message.parts;
    });
    worker.once("error", reject);
    worker.once("exit", (code) => (parts ? resolve(parts) : reject(new Error(`A meeting CSV writer thread stopped (exit ${code}) before it was done.`))));
  });
}

/** Lets the threads' progress messages in between two batches of this thread's own work. */
const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));

async function writeAll<B extends unknown[]>(label: string, total: number, batches: Iterable<B>, write: (batch: B) => void, progress: Progress) {
  const report = progress(`${label} csv`, total);
  let done = 0;
  report(0);
  for (const batch of batches) {
    write(batch);
    done += batch.length;
    report(done);
    await yieldToMessages();
  }
}

/** Writes the synthetic graph as CSV tables into `dir`, the meetings in `writers` threads; answers the tables, closed. */
export async function writeSyntheticCsv(dir: string, options: SyntheticOptions, progress: Progress, writers = os.availableParallelism()) {
  const t = openTables(dir);
  const reportMeetings = progress("meetings csv", options.meetings);
  let meetingsDone = 0;
  reportMeetings(0);
  const share = Math.ceil(options.meetings / writers);
  const meetingWriters = Array.from({ length: writers }, (_, k) =>
    runMeetingWriter({ at: { dir, part: k + 1 }, options, range: { from: k * share, to: Math.min(options.meetings, (k + 1) * share) } }, (rows) =>
      reportMeetings((meetingsDone += rows)),
    ),
  );
  const reference = syntheticReferenceData(options.seed);
  writeReferenceData(t, reference);
  // The data is in the current model: every migration counts as applied (its schema statements run in finishImport).
  const appliedAt = new Date().toISOString();
  for (const m of migrations) t.migration.add(`migration-${m.version}`, { version: m.version, name: m.name, appliedAt });
  await writeAll("people", options.people, syntheticPeople(options, ROWS_PER_BATCH), (batch) => writePeople(t, batch), progress);
  await writeAll("statements", Math.floor(options.meetings / 10), syntheticStatements(options, ROWS_PER_BATCH), (batch) => writeStatements(t, batch), progress);
  const tables = Object.values(t);
  for (const table of tables) table.close();
  for (const parts of await Promise.all(meetingWriters)) for (const [name, part] of Object.entries(parts)) t[name as MeetingTableName].addPart(part);
  return tables;
}
