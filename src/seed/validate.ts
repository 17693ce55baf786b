/**
 * Validates the seed graph's files: each entry's shape (src/model/entries.ts), then the graph as a
 * whole (every referenced id exists, ids are unique, duration bounds are consistent, exactly one
 * preferred duration per meeting, every statement has a source, every meeting has its date and
 * place claims). Pure: no file access (reading is src/seed/read.ts). Throws a
 * `SeedValidationError` listing every problem found, not just the first.
 */
import { compareDates, precisionOf, type DatePrecision, type IsoDate } from "../model/dates.js";
import { figureProblem } from "../model/duration.js";
import type { SourceRef } from "../model/entries.js";
import { evidenceProblem, type EvidenceBasis } from "../model/evidence.js";
import { UserFacingError } from "../script.js";
import { SEED_FILE_NAMES, seedFileSchemas, type SeedFileName, type SeedGraph } from "./files.js";

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
  if (Array.isArray(raw))
    raw.forEach((entry, i) => {
      const name = entryName(entry, i);
      if (!name.startsWith("[")) ids.add(name);
    });
  return ids;
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
      if (first !== undefined)
        problems.push({ file, entry: id, message: `duplicate id ${JSON.stringify(id)} (first used by entry [${first}], again by entry [${index}])` });
      else seen.set(id, index);
    });
  };
  for (const name of SEED_FILE_NAMES) {
    const raw = files[name];
    if (Array.isArray(raw))
      checkUnique(
        `${name}.json`,
        raw.map((entry, i) => entryName(entry, i)).filter((id) => !id.startsWith("[")),
      );
  }
  {
    const seen = new Map<string, string>();
    for (const person of graph.people) {
      for (const role of person.roles) {
        const owner = seen.get(role.id);
        if (owner !== undefined)
          problems.push({
            file: "people.json",
            entry: person.id,
            message: `roles: duplicate role id ${JSON.stringify(role.id)} (already used by ${owner}); role ids are unique across all people`,
          });
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
      problems.push({
        file,
        entry,
        message: `datePrecision ${precision} does not match ${dateKey} ${JSON.stringify(date)} (which is ${precisionOf(date)} precision)`,
      });
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
      if (role.organizationId === null && role.countryId === null)
        problems.push({ file, entry: person.id, message: `${where}: a role needs an organizationId or a countryId` });
      if (role.from !== null && role.to !== null && compareDates(role.from, role.to) > 0)
        problems.push({ file, entry: person.id, message: `${where}: from ${role.from} is after to ${role.to}` });
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
    if (!meeting.claims.some((c) => c.field === "date")) problems.push({ file, entry, message: 'claims: no sourced "date" claim' });
    if (meeting.placeId !== null && !meeting.claims.some((c) => c.field === "place"))
      problems.push({ file, entry, message: 'claims: the meeting has a placeId but no sourced "place" claim' });
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
        problems.push({
          file,
          entry,
          message: `${where}.sourceId: a second ${(w.quoted ?? statement.quoted) ? "quote" : "paraphrase"} from source ${JSON.stringify(w.sourceId)}; keep at most one quote and one paraphrase per source`,
        });
      }
      bySourceAndKind.add(key);
    });
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  return graph;
}
