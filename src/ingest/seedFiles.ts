/**
 * The hand-curated seed graph in seed/data/*.json: zod schemas for each file, the types the
 * rest of the code relies on, and a validator that checks shapes (strict keys, real calendar
 * dates, ISO date-times with offsets) and then the graph as a whole (every referenced id
 * exists, ids are unique, duration bounds are consistent, exactly one preferred duration per
 * meeting, every statement has a source, every meeting has its date and place claims).
 *
 * `validateSeedGraph` is pure; `readSeedDir` reads the eight files and calls it. Both throw a
 * `SeedValidationError` listing every problem found, not just the first.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { durationBoundSchema, figureProblem, type DurationBounds } from "../model/duration.js";
import { claimRankSchema, evidenceBasisSchema, evidenceProblem, hedgeSchema, type EvidenceBasis } from "../model/evidence.js";
import { UserFacingError } from "../script.js";

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

/** "2025-12-02", or partial "2025-03" / "2025". */
export type IsoDate = string;
export type DatePrecision = "DAY" | "MONTH" | "YEAR";

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Dates start in the year 1000: the graph stores each date's period as ISO days built on a
 * four-digit year, and no source it records is older.
 */
export const MIN_YEAR = 1000;

/**
 * The longest ids and texts the graph takes, from the seed files and the API alike (docs/graph-model.md,
 * "Ids and text"). Ids are kept far below Neo4j's index key size: derived ids and lock keys join
 * two of them (`<statementId>#<sourceId>`, `Meeting:<id>`), and an id too long for the index fails its write.
 */
export const MAX_ID_LENGTH = 200;
/** Names, titles, kinds, aliases, wordings and claim values. */
export const MAX_NAME_LENGTH = 1_000;
/** Excerpts, statement texts, outcomes, descriptions and notes. */
export const MAX_TEXT_LENGTH = 20_000;
export const MAX_URL_LENGTH = 2_000;
/**
 * An id in an argument may be a derived one, which joins two ids and a counter; a longer one
 * names nothing the graph can hold.
 */
export const MAX_ID_ARGUMENT_LENGTH = 2 * MAX_ID_LENGTH + 100;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date in one of the three shapes YYYY, YYYY-MM, YYYY-MM-DD. */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m || Number(m[1]) < MIN_YEAR) return false;
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(Number(m[1]), month))) return false;
  return true;
}

/** The precision a date's shape implies: "2025" YEAR, "2025-03" MONTH, "2025-03-14" DAY. */
export function precisionOf(value: IsoDate): DatePrecision {
  return value.length === 4 ? "YEAR" : value.length === 7 ? "MONTH" : "DAY";
}

/** True for an ISO-8601 date-time with an explicit offset ("Z" or "+03:00") and real values. */
export function isValidIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

// `params.code` is what the curation API reports for these (src/curation/userErrors.ts).
const isoDate = z.string().refine(isValidIsoDate, {
  params: { code: "INVALID_DATE" },
  error: (issue) => `invalid date ${JSON.stringify(issue.input)} (expected a real calendar date from the year ${MIN_YEAR} on, as YYYY, YYYY-MM or YYYY-MM-DD)`,
});
const isoDateTime = z.string().refine(isValidIsoDateTime, {
  params: { code: "INVALID_DATE" },
  error: (issue) => `invalid date-time ${JSON.stringify(issue.input)} (expected ISO 8601 with an offset from the year ${MIN_YEAR} on, e.g. 2025-03-14T01:30:00+03:00)`,
});
const datePrecision = z.enum(["DAY", "MONTH", "YEAR"]);
const atMost = (max: number) => ({ error: `must be at most ${max} characters` });
// The length is checked first, so a huge value is not run through the pattern.
const slug = z.string().max(MAX_ID_LENGTH, atMost(MAX_ID_LENGTH)).regex(SLUG, { error: "must be a lowercase slug like \"steve-witkoff\"" });
const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 code like \"RU\"" });
const boundedText = (max: number) => z.string().trim().min(1, { error: "must not be empty" }).max(max, atMost(max));
/** A name, title, kind, alias, wording or claim value. */
const name = boundedText(MAX_NAME_LENGTH);
/** An excerpt, statement text, outcome, description or note. */
const text = boundedText(MAX_TEXT_LENGTH);

// ---------------------------------------------------------------------------------------------
// Entry schemas
// ---------------------------------------------------------------------------------------------

/** How a fact is known (src/model/evidence.ts): STATED unless marked, with the reasoning of an inference. */
const evidence = {
  basis: evidenceBasisSchema.default("STATED"),
  note: text.nullable().default(null),
};

export const sourceRefSchema = z.strictObject({
  sourceId: slug,
  /** The source's own words: verbatim from the article, or the phrase FACTS.md quotes; FACTS.md's own summary is prefixed "[FACTS.md] ". */
  excerpt: text,
  ...evidence,
});

export const countrySchema = z.strictObject({
  id: countryCode,
  name,
});

export const organizationSchema = z.strictObject({
  id: slug,
  name,
  kind: name,
  aliases: z.array(name),
  countryId: countryCode.nullable(),
});

export const placeSchema = z.strictObject({
  id: slug,
  name,
  kind: z.enum(["building", "city", "region"]),
  withinPlaceId: slug.nullable(),
  countryId: countryCode.nullable(),
});

export const topicSchema = z.strictObject({
  id: slug,
  name,
  description: text,
});

export const sourceSchema = z.strictObject({
  id: slug,
  title: name,
  publisher: name.nullable(),
  publishedOn: isoDate.nullable(),
  datePrecision: datePrecision.nullable(),
  url: z.url({ protocol: /^https?$/ }).max(MAX_URL_LENGTH, atMost(MAX_URL_LENGTH)).nullable(),
  kind: z.enum(["article", "broadcast", "social-post", "news-agency-report", "curator-summary"]),
  file: name.nullable(),
  note: text.nullable(),
  /** The organization behind `publisher`, when it is known which one. */
  publishedById: slug.nullable().default(null),
});

export const roleSchema = z.strictObject({
  id: slug,
  title: name,
  organizationId: slug.nullable(),
  countryId: countryCode.nullable(),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  sources: z.array(sourceRefSchema).min(1, { error: "a role needs at least one source" }),
});

export const relationSchema = z.strictObject({
  kind: slug,
  toPersonId: slug,
  sources: z.array(sourceRefSchema).min(1, { error: "a relation needs at least one source" }),
});

export const personSchema = z.strictObject({
  id: slug,
  name,
  aliases: z.array(name),
  countryIds: z.array(countryCode),
  roles: z.array(roleSchema),
  relations: z.array(relationSchema),
});

export const participantSchema = z.strictObject({
  personId: slug,
  role: name.nullable(),
  delegationCountryId: countryCode.nullable(),
  sources: z.array(sourceRefSchema).min(1, { error: "an attendance needs at least one source" }),
});

export const minutesValue = z.number().int({ error: "must be a whole number of minutes" }).nonnegative();

/** What every claim carries besides its value: how it is known, how the source hedges it, how it ranks, whose account it relays. */
const claimEvidence = {
  ...evidence,
  hedge: hedgeSchema.default("NONE"),
  rank: claimRankSchema.default("NORMAL"),
  rankReason: text.nullable().default(null),
  /** The statement whose account the source relays (Witkoff's on CBS): its speaker is the claimant. */
  relaysStatementId: slug.nullable().default(null),
};

/** A duration claim states a figure; its minutes and bounds follow by the rule of src/model/duration.ts. */
export const durationClaimSchema = z.strictObject({
  sourceId: slug,
  excerpt: text,
  /** The source's words for the duration, e.g. "just under three hours". */
  wording: name,
  /** The number the words state (300 for "five hours"); null when they state none. */
  figureMinutes: minutesValue.nullable(),
  /** What the figure is rounded to: 60 whole hours, 30 half hours, 1 exact minutes. */
  granularityMinutes: z.number().int({ error: "must be a whole number of minutes" }).positive().nullable(),
  bound: durationBoundSchema.nullable(),
  ...claimEvidence,
});

export const claimSchema = z.strictObject({
  field: slug,
  value: name,
  wording: name.nullable(),
  sourceId: slug,
  excerpt: text,
  ...claimEvidence,
});

/** When a meeting began or ended, as closely as a source allows: either end of the window may be open. */
export const timeEstimateSchema = z.strictObject({
  earliest: isoDateTime.nullable(),
  latest: isoDateTime.nullable(),
  /** The source's words for the time ("in the early hours of Wednesday"). */
  wording: name.nullable(),
  sourceId: slug,
  basis: evidenceBasisSchema,
  note: text.nullable(),
});

export const meetingSchema = z.strictObject({
  id: slug,
  kind: z.enum(["talks", "ministerial", "briefing"]),
  title: name,
  date: isoDate,
  datePrecision,
  /** Only for times known exactly; an estimate is `began`/`ended`. */
  startsAt: isoDateTime.nullable(),
  endsAt: isoDateTime.nullable(),
  began: timeEstimateSchema.nullable().default(null),
  ended: timeEstimateSchema.nullable().default(null),
  placeId: slug.nullable(),
  outcome: text.nullable(),
  topicIds: z.array(slug),
  organizationIds: z.array(slug),
  participants: z.array(participantSchema),
  durations: z.array(durationClaimSchema),
  claims: z.array(claimSchema).min(1, { error: "a meeting needs at least one sourced claim (its date and place)" }),
});

export const wordingSchema = z.strictObject({
  sourceId: slug,
  text,
  /** A direct quote, or the source's paraphrase; null: as the statement's `quoted`. */
  quoted: z.boolean().nullable().default(null),
  /** The speaker as this source names them ("the Kremlin"). */
  attributedTo: name.nullable().default(null),
  ...evidence,
});

export const statementSchema = z.strictObject({
  id: slug,
  speakerId: slug,
  saidOn: isoDate.nullable(),
  datePrecision: datePrecision.nullable(),
  meetingId: slug.nullable(),
  placeId: slug.nullable(),
  occasion: name.nullable(),
  /** Direct quote (true) or paraphrase (false). */
  quoted: z.boolean(),
  /** The canonical wording. */
  text,
  topicIds: z.array(slug),
  wordings: z.array(wordingSchema).min(1, { error: "a statement needs at least one wording (a source for it)" }),
});

export const seedFileSchemas = {
  countries: countrySchema,
  organizations: organizationSchema,
  places: placeSchema,
  topics: topicSchema,
  sources: sourceSchema,
  people: personSchema,
  meetings: meetingSchema,
  statements: statementSchema,
} as const;

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type SeedCountry = z.infer<typeof countrySchema>;
export type SeedOrganization = z.infer<typeof organizationSchema>;
export type SeedPlace = z.infer<typeof placeSchema>;
export type SeedTopic = z.infer<typeof topicSchema>;
export type SeedSource = z.infer<typeof sourceSchema>;
export type SeedRole = z.infer<typeof roleSchema>;
export type SeedRelation = z.infer<typeof relationSchema>;
export type SeedPerson = z.infer<typeof personSchema>;
export type SeedParticipant = z.infer<typeof participantSchema>;
export type SeedDurationClaim = z.infer<typeof durationClaimSchema>;
export type SeedClaim = z.infer<typeof claimSchema>;
export type SeedMeeting = z.infer<typeof meetingSchema>;
export type SeedWording = z.infer<typeof wordingSchema>;
export type SeedStatement = z.infer<typeof statementSchema>;

export interface SeedGraph {
  countries: SeedCountry[];
  organizations: SeedOrganization[];
  places: SeedPlace[];
  topics: SeedTopic[];
  sources: SeedSource[];
  people: SeedPerson[];
  meetings: SeedMeeting[];
  statements: SeedStatement[];
}

export type SeedFileName = keyof SeedGraph;

/** The eight files, in dependency order (each only refers to files before it, except people → people). */
export const SEED_FILE_NAMES: readonly SeedFileName[] = [
  "countries",
  "organizations",
  "places",
  "topics",
  "sources",
  "people",
  "meetings",
  "statements",
];

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export interface SeedProblem {
  /** The file name, e.g. "meetings.json". */
  file: string;
  /** The entry's id, or its index path ("[3]") when it has no usable id, or "(file)". */
  entry: string;
  message: string;
}

export class SeedValidationError extends UserFacingError {
  readonly problems: SeedProblem[];

  constructor(problems: SeedProblem[]) {
    const lines = problems.map((p) => `seed/data/${p.file}: ${p.entry}: ${p.message}`);
    super(`The seed graph is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${lines.join("\n")}`);
    this.name = "SeedValidationError";
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/** "participants[0].personId" from ["participants", 0, "personId"]. */
function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function entryName(raw: unknown, index: number): string {
  if (raw !== null && typeof raw === "object" && "id" in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === "string" && id.trim() !== "") return id;
  }
  return `[${index}]`;
}

/** Ids present in a file's raw entries, so a bad entry does not also make every reference to it dangle. */
function rawIds(raw: unknown): Set<string> {
  const ids = new Set<string>();
  if (Array.isArray(raw)) raw.forEach((entry, i) => {
    const name = entryName(entry, i);
    if (!name.startsWith("[")) ids.add(name);
  });
  return ids;
}

/** Compares two possibly partial dates on their common prefix: -1, 0 (same or overlapping), 1. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A problem with one duration claim's figures: `key` is the field at fault, or null when it is the combination. */
export interface DurationProblem {
  key: "minutes" | "maxMinutes" | null;
  code: "INVALID" | "INVERTED_RANGE";
  message: string;
}

/** The rules every duration claim's figures follow (docs/graph-model.md): no 0, and minMinutes ≤ minutes ≤ maxMinutes. */
export function durationProblems(d: DurationBounds): DurationProblem[] {
  const problems: DurationProblem[] = [];
  if (d.minutes === 0) problems.push({ key: "minutes", code: "INVALID", message: "0 is not a duration; use null when the duration is unknown" });
  if (d.maxMinutes === 0) problems.push({ key: "maxMinutes", code: "INVALID", message: "0 is not a bound; use null when there is no upper bound" });
  if (d.minMinutes !== null && d.maxMinutes !== null && d.minMinutes > d.maxMinutes) {
    problems.push({ key: null, code: "INVERTED_RANGE", message: `minMinutes ${d.minMinutes} is greater than maxMinutes ${d.maxMinutes}` });
  }
  if (d.minutes !== null && d.minMinutes !== null && d.minutes < d.minMinutes) {
    problems.push({ key: null, code: "INVERTED_RANGE", message: `minutes ${d.minutes} is below minMinutes ${d.minMinutes}` });
  }
  if (d.minutes !== null && d.maxMinutes !== null && d.minutes > d.maxMinutes) {
    problems.push({ key: null, code: "INVERTED_RANGE", message: `minutes ${d.minutes} is above maxMinutes ${d.maxMinutes}` });
  }
  return problems;
}

/**
 * Validates the parsed contents of the eight seed files (each an array of entries) and returns
 * them typed. Pure: no file access. Throws a SeedValidationError listing every problem.
 */
export function validateSeedGraph(files: Record<SeedFileName, unknown>): SeedGraph {
  const problems: SeedProblem[] = [];
  const graph: SeedGraph = {
    countries: [],
    organizations: [],
    places: [],
    topics: [],
    sources: [],
    people: [],
    meetings: [],
    statements: [],
  };

  // 1. Shapes, entry by entry, so one bad entry does not hide the others.
  for (const name of SEED_FILE_NAMES) {
    const file = `${name}.json`;
    const raw = files[name];
    if (!Array.isArray(raw)) {
      problems.push({ file, entry: "(file)", message: `expected a JSON array of entries, got ${raw === null ? "null" : typeof raw}` });
      continue;
    }
    const schema = seedFileSchemas[name];
    raw.forEach((entry, index) => {
      const result = schema.safeParse(entry);
      if (result.success) {
        (graph[name] as unknown[]).push(result.data);
      } else {
        for (const issue of result.error.issues) {
          const where = formatPath(issue.path);
          problems.push({ file, entry: entryName(entry, index), message: where === "" ? issue.message : `${where}: ${issue.message}` });
        }
      }
    });
  }

  // 2. Unique ids per kind (role ids across all people).
  const checkUnique = (file: string, ids: string[]) => {
    const seen = new Map<string, number>();
    ids.forEach((id, index) => {
      const first = seen.get(id);
      if (first !== undefined) problems.push({ file, entry: id, message: `duplicate id ${JSON.stringify(id)} (first used by entry [${first}], again by entry [${index}])` });
      else seen.set(id, index);
    });
  };
  for (const name of SEED_FILE_NAMES) {
    const raw = files[name];
    if (Array.isArray(raw)) checkUnique(`${name}.json`, raw.map((entry, i) => entryName(entry, i)).filter((id) => !id.startsWith("[")));
  }
  {
    const seen = new Map<string, string>();
    for (const person of graph.people) {
      for (const role of person.roles) {
        const owner = seen.get(role.id);
        if (owner !== undefined) problems.push({ file: "people.json", entry: person.id, message: `roles: duplicate role id ${JSON.stringify(role.id)} (already used by ${owner}); role ids are unique across all people` });
        else seen.set(role.id, person.id);
      }
    }
  }

  // 3. References. Known ids come from the raw files, so an entry that failed its shape check is
  //    reported once, not again by everything that points at it.
  const known = {
    country: rawIds(files.countries),
    organization: rawIds(files.organizations),
    place: rawIds(files.places),
    topic: rawIds(files.topics),
    source: rawIds(files.sources),
    person: rawIds(files.people),
    meeting: rawIds(files.meetings),
  };
  type Kind = keyof typeof known;
  const ref = (file: string, entry: string, where: string, kind: Kind, id: string | null) => {
    if (id !== null && !known[kind].has(id)) problems.push({ file, entry, message: `${where}: unknown ${kind} ${JSON.stringify(id)}` });
  };
  const refs = (file: string, entry: string, where: string, kind: Kind, ids: string[]) => ids.forEach((id, i) => ref(file, entry, `${where}[${i}]`, kind, id));
  const basis = (file: string, entry: string, where: string, fact: { basis: EvidenceBasis; note: string | null; excerpt?: string | null }) => {
    const problem = evidenceProblem(fact);
    if (problem !== null) problems.push({ file, entry, message: `${where}: ${problem}` });
  };
  const sourceRefs = (file: string, entry: string, where: string, list: SourceRef[]) =>
    list.forEach((s, i) => {
      ref(file, entry, `${where}[${i}].sourceId`, "source", s.sourceId);
      basis(file, entry, `${where}[${i}]`, s);
    });
  const statementIds = rawIds(files.statements);
  const relays = (file: string, entry: string, where: string, id: string | null) => {
    if (id !== null && !statementIds.has(id)) problems.push({ file, entry, message: `${where}.relaysStatementId: unknown statement ${JSON.stringify(id)}` });
  };
  const datePair = (file: string, entry: string, dateKey: string, date: IsoDate | null, precision: DatePrecision | null) => {
    if ((date === null) !== (precision === null)) {
      problems.push({ file, entry, message: `${dateKey} and datePrecision must both be set or both be null` });
    } else if (date !== null && precision !== null && precisionOf(date) !== precision) {
      problems.push({ file, entry, message: `datePrecision ${precision} does not match ${dateKey} ${JSON.stringify(date)} (which is ${precisionOf(date)} precision)` });
    }
  };

  for (const org of graph.organizations) ref("organizations.json", org.id, "countryId", "country", org.countryId);

  // Places: exactly one parent, the chain ends at a country, no cycles.
  const placeById = new Map(graph.places.map((p) => [p.id, p]));
  for (const place of graph.places) {
    const file = "places.json";
    if ((place.withinPlaceId === null) === (place.countryId === null)) {
      problems.push({ file, entry: place.id, message: "exactly one of withinPlaceId and countryId must be set" });
      continue;
    }
    ref(file, place.id, "withinPlaceId", "place", place.withinPlaceId);
    ref(file, place.id, "countryId", "country", place.countryId);
    const visited = new Set<string>([place.id]);
    let current = place;
    while (current.withinPlaceId !== null) {
      const parent = placeById.get(current.withinPlaceId);
      if (parent === undefined) break; // dangling parent already reported (or parent failed its shape check)
      if (visited.has(parent.id)) {
        problems.push({ file, entry: place.id, message: `withinPlaceId: containment cycle through ${JSON.stringify(parent.id)}` });
        break;
      }
      visited.add(parent.id);
      current = parent;
    }
  }

  for (const source of graph.sources) {
    datePair("sources.json", source.id, "publishedOn", source.publishedOn, source.datePrecision);
    ref("sources.json", source.id, "publishedById", "organization", source.publishedById);
  }

  for (const person of graph.people) {
    const file = "people.json";
    refs(file, person.id, "countryIds", "country", person.countryIds);
    person.roles.forEach((role, i) => {
      const where = `roles[${i}]`;
      ref(file, person.id, `${where}.organizationId`, "organization", role.organizationId);
      ref(file, person.id, `${where}.countryId`, "country", role.countryId);
      sourceRefs(file, person.id, `${where}.sources`, role.sources);
      if (role.organizationId === null && role.countryId === null) problems.push({ file, entry: person.id, message: `${where}: a role needs an organizationId or a countryId` });
      if (role.from !== null && role.to !== null && compareDates(role.from, role.to) > 0) problems.push({ file, entry: person.id, message: `${where}: from ${role.from} is after to ${role.to}` });
    });
    person.relations.forEach((relation, i) => {
      const where = `relations[${i}]`;
      ref(file, person.id, `${where}.toPersonId`, "person", relation.toPersonId);
      if (relation.toPersonId === person.id) problems.push({ file, entry: person.id, message: `${where}.toPersonId: a person cannot be related to themself` });
      sourceRefs(file, person.id, `${where}.sources`, relation.sources);
    });
  }

  for (const meeting of graph.meetings) {
    const file = "meetings.json";
    const entry = meeting.id;
    datePair(file, entry, "date", meeting.date, meeting.datePrecision);
    if (meeting.startsAt !== null && meeting.endsAt !== null && Date.parse(meeting.endsAt) <= Date.parse(meeting.startsAt)) {
      problems.push({ file, entry, message: `endsAt ${meeting.endsAt} must be after startsAt ${meeting.startsAt}` });
    }
    ref(file, entry, "placeId", "place", meeting.placeId);
    refs(file, entry, "topicIds", "topic", meeting.topicIds);
    refs(file, entry, "organizationIds", "organization", meeting.organizationIds);

    const attendees = new Set<string>();
    meeting.participants.forEach((p, i) => {
      const where = `participants[${i}]`;
      ref(file, entry, `${where}.personId`, "person", p.personId);
      ref(file, entry, `${where}.delegationCountryId`, "country", p.delegationCountryId);
      sourceRefs(file, entry, `${where}.sources`, p.sources);
      if (attendees.has(p.personId)) problems.push({ file, entry, message: `${where}.personId: ${JSON.stringify(p.personId)} is listed twice` });
      attendees.add(p.personId);
    });

    for (const key of ["began", "ended"] as const) {
      const estimate = meeting[key];
      if (estimate === null) continue;
      ref(file, entry, `${key}.sourceId`, "source", estimate.sourceId);
      basis(file, entry, key, estimate);
      if (estimate.earliest !== null && estimate.latest !== null && Date.parse(estimate.earliest) > Date.parse(estimate.latest)) {
        problems.push({ file, entry, message: `${key}: earliest ${estimate.earliest} is after latest ${estimate.latest}` });
      }
    }

    meeting.durations.forEach((d, i) => {
      const where = `durations[${i}]`;
      ref(file, entry, `${where}.sourceId`, "source", d.sourceId);
      basis(file, entry, where, d);
      relays(file, entry, where, d.relaysStatementId);
      const problem = figureProblem(d);
      if (problem !== null) problems.push({ file, entry, message: `${where}: ${problem}` });
    });
    const preferred = meeting.durations.filter((d) => d.rank === "PREFERRED").length;
    if (meeting.durations.length > 0 && preferred !== 1) {
      problems.push({ file, entry, message: `durations: exactly one duration claim must have rank PREFERRED, found ${preferred}` });
    }

    meeting.claims.forEach((c, i) => {
      const where = `claims[${i}]`;
      ref(file, entry, `${where}.sourceId`, "source", c.sourceId);
      basis(file, entry, where, c);
      relays(file, entry, where, c.relaysStatementId);
    });
    for (const field of new Set(meeting.claims.map((c) => c.field))) {
      const count = meeting.claims.filter((c) => c.field === field && c.rank === "PREFERRED").length;
      if (count > 1) problems.push({ file, entry, message: `claims: at most one ${JSON.stringify(field)} claim can have rank PREFERRED, found ${count}` });
    }
    if (!meeting.claims.some((c) => c.field === "date")) problems.push({ file, entry, message: "claims: no sourced \"date\" claim" });
    if (meeting.placeId !== null && !meeting.claims.some((c) => c.field === "place")) problems.push({ file, entry, message: "claims: the meeting has a placeId but no sourced \"place\" claim" });
  }

  for (const statement of graph.statements) {
    const file = "statements.json";
    const entry = statement.id;
    ref(file, entry, "speakerId", "person", statement.speakerId);
    ref(file, entry, "meetingId", "meeting", statement.meetingId);
    ref(file, entry, "placeId", "place", statement.placeId);
    refs(file, entry, "topicIds", "topic", statement.topicIds);
    datePair(file, entry, "saidOn", statement.saidOn, statement.datePrecision);
    const bySourceAndKind = new Set<string>();
    statement.wordings.forEach((w, i) => {
      const where = `wordings[${i}]`;
      ref(file, entry, `${where}.sourceId`, "source", w.sourceId);
      basis(file, entry, where, { ...w, excerpt: w.text });
      const key = JSON.stringify([w.sourceId, w.quoted ?? statement.quoted]);
      if (bySourceAndKind.has(key)) {
        problems.push({ file, entry, message: `${where}.sourceId: a second ${(w.quoted ?? statement.quoted) ? "quote" : "paraphrase"} from source ${JSON.stringify(w.sourceId)}; keep at most one quote and one paraphrase per source` });
      }
      bySourceAndKind.add(key);
    });
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  return graph;
}

/** Reads seed/data-style directory `dir` (countries.json … statements.json) and validates it. */
export function readSeedDir(dir: string): SeedGraph {
  const problems: SeedProblem[] = [];
  const files = {} as Record<SeedFileName, unknown>;
  for (const name of SEED_FILE_NAMES) {
    const file = `${name}.json`;
    let contents: string;
    try {
      contents = fs.readFileSync(path.join(dir, file), "utf8");
    } catch (error) {
      problems.push({ file, entry: "(file)", message: `cannot read ${path.join(dir, file)}: ${(error as Error).message}` });
      files[name] = [];
      continue;
    }
    try {
      files[name] = JSON.parse(contents) as unknown;
    } catch (error) {
      problems.push({ file, entry: "(file)", message: `not valid JSON: ${(error as Error).message}` });
      files[name] = [];
    }
  }
  // A missing or unparsable file would make every reference into it dangle: report only that.
  if (problems.length > 0) throw new SeedValidationError(problems);
  return validateSeedGraph(files);
}
