/**
 * Writes the graph's entries (src/model/entries.ts) into Neo4j: the one copy of the write Cypher,
 * used by the seed loader (`npm run seed`, the start command, `npm run seed:synthetic`) and by the
 * curation API.
 *
 * Every statement is an `UNWIND $rows` batch that MERGEs on ids, so writing the same data
 * twice changes nothing; a person is MERGEd only by their own entry, and references to people MATCH. Callers choose the transaction: the curated graph is written in one
 * (all or nothing); the synthetic generator writes one batch per transaction.
 */
import { periodOf } from "../model/dates.js";
import { durationBounds, durationConsensus, isApproximate } from "../model/duration.js";
import type { SeedCountry, SeedMeeting, SeedOrganization, SeedPerson, SeedPlace, SeedSource, SeedStatement, SeedTopic, SourceRef } from "../model/entries.js";
import type { RunStatement } from "./executor.js";

/**
 * People are never MERGEd by a reference to them: a merge deletes a person, and a write that
 * MERGEd the old id afterwards would bring it back as a nameless node. A reference MATCHes, and a
 * statement answers the people it could not find; the write then fails (MissingPeople) and its
 * transaction rolls back, rather than dropping the fact silently.
 */
const RETURN_MISSING_PEOPLE = `
WITH row, missing WHERE size(missing) > 0
RETURN row.id AS id, missing`;

/** A write referred to people who do not exist (or no longer do: merged into someone else). */
export class MissingPeople extends Error {
  constructor(readonly ids: string[]) {
    super(`The write refers to people that do not exist: ${ids.map((id) => JSON.stringify(id)).join(", ")}.`);
  }
}

/** Fails when a writer's rows name people it could not find. */
export function throwIfMissingPeople(rows: { missing: string[] }[]): void {
  const missing = [...new Set(rows.flatMap((row) => row.missing))];
  if (missing.length > 0) throw new MissingPeople(missing);
}

/** Runs a writer that answers the people it could not find, and fails when there are any. */
async function runReferringToPeople(run: RunStatement, cypher: string, params: Record<string, unknown>): Promise<void> {
  throwIfMissingPeople(await run<{ missing: string[] }>(cypher, params));
}

const WRITE_COUNTRIES = `
UNWIND $rows AS row
MERGE (c:Country {id: row.id})
SET c.name = row.name, c.searchText = row.name`;

const WRITE_ORGANIZATIONS = `
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o.name = row.name, o.kind = row.kind, o.aliases = row.aliases, o.searchText = row.searchText
FOREACH (countryId IN CASE WHEN row.countryId IS NULL THEN [] ELSE [row.countryId] END |
  MERGE (c:Country {id: countryId})
  MERGE (o)-[:BASED_IN]->(c))`;

const WRITE_PLACES = `
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
SET p.name = row.name, p.kind = row.kind, p.searchText = row.name`;

// A second pass, once every place exists, so the file order of places does not matter.
const WRITE_PLACE_CONTAINMENT = `
UNWIND $rows AS row
MATCH (p:Place {id: row.id})
OPTIONAL MATCH (parentPlace:Place {id: row.withinPlaceId})
OPTIONAL MATCH (parentCountry:Country {id: row.countryId})
WITH p, coalesce(parentPlace, parentCountry) AS parent
FOREACH (container IN CASE WHEN parent IS NULL THEN [] ELSE [parent] END |
  MERGE (p)-[:WITHIN]->(container))`;

const WRITE_TOPICS = `
UNWIND $rows AS row
MERGE (t:Topic {id: row.id})
SET t.name = row.name, t.description = row.description`;

const WRITE_SOURCES = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s += row.props
WITH s, row
CALL (s) { MATCH (s)-[old:PUBLISHED_BY]->() DELETE old }
FOREACH (orgId IN CASE WHEN row.publishedById IS NULL THEN [] ELSE [row.publishedById] END |
  MERGE (o:Organization {id: orgId})
  MERGE (s)-[:PUBLISHED_BY]->(o))`;

const WRITE_PEOPLE = `
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
SET p.name = row.name, p.aliases = row.aliases, p.searchText = row.searchText
FOREACH (countryId IN row.countryIds |
  MERGE (c:Country {id: countryId})
  MERGE (p)-[:OF_COUNTRY]->(c))
FOREACH (role IN row.roles |
  MERGE (r:Role {id: role.id})
  SET r.title = role.title, r.from = role.from, r.to = role.to
  MERGE (p)-[:HOLDS]->(r)
  FOREACH (orgId IN CASE WHEN role.organizationId IS NULL THEN [] ELSE [role.organizationId] END |
    MERGE (o:Organization {id: orgId})
    MERGE (r)-[:AT]->(o))
  FOREACH (countryId IN CASE WHEN role.countryId IS NULL THEN [] ELSE [role.countryId] END |
    MERGE (c:Country {id: countryId})
    MERGE (r)-[:FOR]->(c))
  FOREACH (ref IN role.sources |
    MERGE (s:Source {id: ref.sourceId})
    MERGE (r)-[sourced:SOURCED_BY]->(s)
    SET sourced.excerpt = ref.excerpt, sourced.basis = ref.basis, sourced.note = ref.note))`;

// After all people exist: a relation names a second person.
const WRITE_RELATIONS = `
UNWIND $rows AS row
OPTIONAL MATCH (a:Person {id: row.fromId})
OPTIONAL MATCH (b:Person {id: row.toId})
FOREACH (_ IN CASE WHEN a IS NULL OR b IS NULL THEN [] ELSE [1] END |
  MERGE (a)-[r:RELATED {kind: row.kind}]->(b)
  SET r.sourceIds = row.sourceIds, r.excerpts = row.excerpts, r.bases = row.bases, r.notes = row.notes)
WITH row, CASE WHEN a IS NULL THEN [row.fromId] ELSE [] END + CASE WHEN b IS NULL THEN [row.toId] ELSE [] END AS missing
${RETURN_MISSING_PEOPLE}`;

/** Claims (`claims`) and duration claims (`durations`) of meeting `m`, as meetingRow gives them, each FROM its source. */
export const WRITE_CLAIMS = (claims: string, durations: string) => `
FOREACH (c IN ${claims} |
  MERGE (claim:Claim {id: c.id})
  SET claim += c.props
  MERGE (m)-[:HAS_CLAIM]->(claim)
  MERGE (s:Source {id: c.sourceId})
  MERGE (claim)-[:FROM]->(s))
FOREACH (d IN ${durations} |
  MERGE (claim:Claim {id: d.id})
  SET claim:DurationClaim, claim += d.props
  MERGE (m)-[:HAS_DURATION]->(claim)
  MERGE (s:Source {id: d.sourceId})
  MERGE (claim)-[:FROM]->(s))`;

/** Each of `$rows` (meetingRow's), answering per row the people it could not find (`missing`) after `row` and `m`. */
const MEETING_ROWS = `
UNWIND $rows AS row
MERGE (m:Meeting {id: row.id})
SET m += row.props, m.dateStart = date(row.dateStart), m.dateEnd = date(row.dateEnd)
FOREACH (placeId IN CASE WHEN row.placeId IS NULL THEN [] ELSE [row.placeId] END |
  MERGE (place:Place {id: placeId})
  MERGE (m)-[:HELD_AT]->(place))
FOREACH (topicId IN row.topicIds |
  MERGE (t:Topic {id: topicId})
  MERGE (m)-[:ABOUT]->(t))
FOREACH (orgId IN row.organizationIds |
  MERGE (o:Organization {id: orgId})
  MERGE (m)-[:INVOLVED]->(o))
${WRITE_CLAIMS("row.claims", "row.durations")}
WITH m, row
CALL (m, row) {
  UNWIND row.participants AS a
  OPTIONAL MATCH (p:Person {id: a.personId})
  FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END |
    MERGE (p)-[attended:ATTENDED]->(m)
    SET attended.role = a.role, attended.delegationCountryId = a.delegationCountryId,
        attended.sourceIds = a.sourceIds, attended.excerpts = a.excerpts, attended.bases = a.bases, attended.notes = a.notes)
  RETURN collect(CASE WHEN p IS NULL THEN a.personId END) AS missing
}`;

const WRITE_MEETINGS = `${MEETING_ROWS}
${RETURN_MISSING_PEOPLE}`;

/** Each of `$rows` (statementRow's), with the people it could not find (`missing`) after `row`. */
export const STATEMENT_ROWS = `
UNWIND $rows AS row
MERGE (st:Statement {id: row.id})
SET st += row.props,
    st.saidOnStart = CASE WHEN row.saidOnStart IS NULL THEN null ELSE date(row.saidOnStart) END,
    st.saidOnEnd = CASE WHEN row.saidOnEnd IS NULL THEN null ELSE date(row.saidOnEnd) END
WITH st, row
OPTIONAL MATCH (speaker:Person {id: row.speakerId})
FOREACH (_ IN CASE WHEN speaker IS NULL THEN [] ELSE [1] END | MERGE (speaker)-[:SAID]->(st))
WITH st, row, CASE WHEN speaker IS NULL THEN [row.speakerId] ELSE [] END AS missing
FOREACH (meetingId IN CASE WHEN row.meetingId IS NULL THEN [] ELSE [row.meetingId] END |
  MERGE (m:Meeting {id: meetingId})
  MERGE (st)-[:IN_CONTEXT_OF]->(m))
FOREACH (placeId IN CASE WHEN row.placeId IS NULL THEN [] ELSE [row.placeId] END |
  MERGE (place:Place {id: placeId})
  MERGE (st)-[:MADE_IN]->(place))
FOREACH (topicId IN row.topicIds |
  MERGE (t:Topic {id: topicId})
  MERGE (st)-[:ABOUT]->(t))
FOREACH (w IN row.wordings |
  MERGE (wording:Wording {id: w.id})
  SET wording += w.props
  MERGE (st)-[:HAS_WORDING]->(wording)
  MERGE (s:Source {id: w.sourceId})
  MERGE (wording)-[:FROM]->(s))`;

const WRITE_STATEMENTS = `${STATEMENT_ROWS}
${RETURN_MISSING_PEOPLE}`;

// After statements exist: a claim relays a statement's account, and the statement's speaker is the claimant.
/** The RELAYS edge of claim `relay.id` to statement `relay.statementId` (none when null), replacing its earlier one. */
export const RELAY_CLAIMS = `
MATCH (claim:Claim {id: relay.id})
CALL (claim) { MATCH (claim)-[old:RELAYS]->() DELETE old }
WITH claim, relay WHERE relay.statementId IS NOT NULL
MATCH (st:Statement {id: relay.statementId})
MERGE (claim)-[:RELAYS]->(st)`;

const WRITE_CLAIM_RELAYS = `
UNWIND $rows AS relay
${RELAY_CLAIMS}`;

/**
 * For each meeting `m`: the preferred standing duration claim (else the earliest standing one, never a deprecated one
 * when another stands) becomes the only preferred one and is copied onto the meeting, where filters,
 * orders and sums read it, with the consensus of all standing claims that give a figure (the
 * intersection of their bounds, as src/model/duration.ts computes it for the seed).
 */
export const REFRESH_DURATION_COPY = `
OPTIONAL MATCH (m)-[:HAS_DURATION]->(d:DurationClaim) WHERE d.retractedAt IS NULL
WITH m, d ORDER BY coalesce(d.rank = "PREFERRED", d.preferred, false) DESC, coalesce(d.rank = "DEPRECATED", false), toInteger(split(d.id, '-')[-1])
WITH m, collect(d) AS ds
WITH m, ds, head(ds) AS best
FOREACH (d IN ds |
  SET d.preferred = (d = best),
      d.rank = CASE WHEN d = best THEN "PREFERRED" WHEN d.rank = "DEPRECATED" THEN "DEPRECATED" ELSE "NORMAL" END)
WITH m, best, [d IN ds WHERE d.minutes IS NOT NULL] AS figured
WITH m, best, size(figured) AS claimCount,
     reduce(lo = null, d IN figured | CASE WHEN lo IS NULL OR d.minMinutes > lo THEN d.minMinutes ELSE lo END) AS lo,
     reduce(hi = null, d IN figured | CASE WHEN d.maxMinutes IS NULL THEN hi WHEN hi IS NULL OR d.maxMinutes < hi THEN d.maxMinutes ELSE hi END) AS hi
SET m.durationMinutes = best.minutes, m.durationMinMinutes = best.minMinutes, m.durationMaxMinutes = best.maxMinutes,
    m.durationApproximate = coalesce(best.approximate, false), m.durationWording = best.wording,
    m.durationHedge = CASE WHEN best IS NULL THEN null ELSE coalesce(best.hedge, CASE WHEN best.approximate THEN "APPROXIMATE" ELSE "NONE" END) END,
    m.durationSourceId = CASE WHEN best IS NULL THEN null ELSE head([(best)-[:FROM]->(s:Source) | s.id]) END,
    m.consensusMinMinutes = CASE WHEN claimCount = 0 THEN null ELSE lo END,
    m.consensusMaxMinutes = CASE WHEN claimCount = 0 THEN null ELSE hi END,
    m.consensusCompatible = CASE WHEN claimCount = 0 THEN null ELSE hi IS NULL OR lo <= hi END,
    m.consensusClaimCount = CASE WHEN claimCount = 0 THEN null ELSE claimCount END`;

/**
 * Writes `$rows` as WRITE_MEETINGS does, then their claims' RELAYS edges (`$relays`, claimRelays
 * of the rows; the statements they name must exist) and each meeting's duration copy; ends with
 * `missing`, the people it could not find, for the statement to return with whatever it reads next.
 */
export const WRITE_MEETINGS_WHOLE = `
CALL () {${MEETING_ROWS}
  CALL (m) {${REFRESH_DURATION_COPY}
  }
  RETURN collect(missing) AS missingLists
}
CALL () { UNWIND $relays AS relay ${RELAY_CLAIMS} }
WITH reduce(people = [], missing IN missingLists | people + missing) AS missing`;

/** The text the full-text index reads: the parts that are set, joined. */
export const searchText = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" | ");
/** An edge's provenance as parallel lists; Neo4j lists hold no nulls, so a missing note is "". */
export const sourceLists = (refs: SourceRef[]) => ({
  sourceIds: refs.map((r) => r.sourceId),
  excerpts: refs.map((r) => r.excerpt),
  bases: refs.map((r) => r.basis),
  notes: refs.map((r) => r.note ?? ""),
});

export const writeCountries = (run: RunStatement, rows: SeedCountry[]) => run(WRITE_COUNTRIES, { rows });

export const writeOrganizations = (run: RunStatement, rows: SeedOrganization[]) =>
  run(WRITE_ORGANIZATIONS, { rows: rows.map((o) => ({ ...o, searchText: searchText(o.name, ...o.aliases) })) });

export async function writePlaces(run: RunStatement, rows: SeedPlace[]) {
  await run(WRITE_PLACES, { rows });
  await run(WRITE_PLACE_CONTAINMENT, { rows });
}

export const writeTopics = (run: RunStatement, rows: SeedTopic[]) => run(WRITE_TOPICS, { rows });

export const writeSources = (run: RunStatement, rows: SeedSource[]) =>
  run(WRITE_SOURCES, { rows: rows.map(({ publishedById, ...props }) => ({ id: props.id, publishedById, props })) });

export async function writePeople(run: RunStatement, rows: SeedPerson[]) {
  await run(WRITE_PEOPLE, { rows: rows.map((p) => ({ ...p, searchText: searchText(p.name, ...p.aliases) })) });
  const relations = rows.flatMap((p) => p.relations.map((r) => ({ fromId: p.id, toId: r.toPersonId, kind: r.kind, ...sourceLists(r.sources) })));
  if (relations.length > 0) await runReferringToPeople(run, WRITE_RELATIONS, { rows: relations });
}

/** The local calendar day of an ISO date-time with an offset ("2025-12-03T01:00:00+03:00" → "2025-12-03"). */
const localDay = (dateTime: string) => dateTime.slice(0, 10);

/** The last day the meeting may have touched: its date's period, or later when it ran past midnight. */
function lastDay(m: SeedMeeting, periodEnd: string): string {
  const latest = m.ended?.latest ?? m.began?.latest ?? null;
  return latest !== null && localDay(latest) > periodEnd ? localDay(latest) : periodEnd;
}

/** A time estimate as the meeting's flat properties `<key>Earliest` … `<key>Note`. */
function estimateProps(key: "began" | "ended", estimate: SeedMeeting["began"]) {
  return {
    [`${key}Earliest`]: estimate?.earliest ?? null,
    [`${key}Latest`]: estimate?.latest ?? null,
    [`${key}Wording`]: estimate?.wording ?? null,
    [`${key}SourceId`]: estimate?.sourceId ?? null,
    [`${key}Basis`]: estimate?.basis ?? null,
    [`${key}Note`]: estimate?.note ?? null,
  };
}

/** How a claim is known, as stored on every Claim; `preferred` stays for old readers. */
const claimEvidenceProps = (c: SeedMeeting["claims"][number] | SeedMeeting["durations"][number]) => ({
  basis: c.basis,
  note: c.note,
  hedge: c.hedge,
  rank: c.rank,
  rankReason: c.rankReason,
  preferred: c.rank === "PREFERRED",
});

export function meetingRow(m: SeedMeeting) {
  const period = periodOf(m.date, m.datePrecision);
  const durations = m.durations.map(withBounds);
  const preferred = durations.find((d) => d.rank === "PREFERRED");
  const consensus = durationConsensus(durations);
  return {
    id: m.id,
    dateStart: period.start,
    dateEnd: lastDay(m, period.end),
    placeId: m.placeId,
    topicIds: m.topicIds,
    organizationIds: m.organizationIds,
    props: {
      kind: m.kind,
      title: m.title,
      date: m.date,
      datePrecision: m.datePrecision,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      outcome: m.outcome,
      searchText: searchText(m.title, m.outcome),
      // The preferred claim, copied onto the meeting so filters, ordering and sums need no claim lookup.
      durationMinutes: preferred?.minutes ?? null,
      durationMinMinutes: preferred?.minMinutes ?? null,
      durationMaxMinutes: preferred?.maxMinutes ?? null,
      durationApproximate: preferred ? isApproximate(preferred.hedge) : false,
      durationHedge: preferred?.hedge ?? null,
      durationWording: preferred?.wording ?? null,
      durationSourceId: preferred?.sourceId ?? null,
      consensusMinMinutes: consensus?.minMinutes ?? null,
      consensusMaxMinutes: consensus?.maxMinutes ?? null,
      consensusCompatible: consensus?.compatible ?? null,
      consensusClaimCount: consensus?.claimCount ?? null,
      ...estimateProps("began", m.began),
      ...estimateProps("ended", m.ended),
    },
    participants: m.participants.map((p) => ({ personId: p.personId, role: p.role, delegationCountryId: p.delegationCountryId, ...sourceLists(p.sources) })),
    ...claimRows(m),
  };
}

const withBounds = (d: SeedMeeting["durations"][number]) => ({ ...d, ...durationBounds(d) });

/** A meeting's claims and duration claims as its row gives them, numbered in order. */
export function claimRows(m: Pick<SeedMeeting, "id" | "claims" | "durations">) {
  return {
    claims: m.claims.map((c, i) => ({
      id: `${m.id}#claim-${i + 1}`,
      sourceId: c.sourceId,
      relaysStatementId: c.relaysStatementId,
      props: { field: c.field, value: c.value, wording: c.wording, excerpt: c.excerpt, ...claimEvidenceProps(c) },
    })),
    durations: m.durations.map(withBounds).map((d, i) => ({
      id: `${m.id}#duration-${i + 1}`,
      sourceId: d.sourceId,
      relaysStatementId: d.relaysStatementId,
      props: {
        field: "duration",
        value: d.minutes === null ? "unknown" : String(d.minutes),
        wording: d.wording,
        excerpt: d.excerpt,
        figureMinutes: d.figureMinutes,
        granularityMinutes: d.granularityMinutes,
        bound: d.bound,
        minutes: d.minutes,
        minMinutes: d.minMinutes,
        maxMinutes: d.maxMinutes,
        approximate: isApproximate(d.hedge),
        ...claimEvidenceProps(d),
      },
    })),
  };
}

export type MeetingRow = ReturnType<typeof meetingRow>;

/** Rows as `meetingRow` builds them, possibly adjusted (the curation API numbers new claims after the stored ones). */
export const writeMeetingRows = (run: RunStatement, rows: MeetingRow[]) => runReferringToPeople(run, WRITE_MEETINGS, { rows });

export const writeMeetings = (run: RunStatement, rows: SeedMeeting[]) => writeMeetingRows(run, rows.map(meetingRow));

/** The RELAYS edges of the rows' claims; run once the statements they name exist. */
export const writeClaimRelays = (run: RunStatement, rows: MeetingRow[]) => run(WRITE_CLAIM_RELAYS, { rows: claimRelays(rows) });

/** Each claim of the rows and the statement it relays (null for none: an earlier RELAYS goes). */
export const claimRelays = (rows: Pick<MeetingRow, "claims" | "durations">[]) =>
  rows.flatMap((m) => [...m.claims, ...m.durations]).map((c) => ({ id: c.id, statementId: c.relaysStatementId }));

export function statementRow(s: SeedStatement) {
  const period = s.saidOn && s.datePrecision ? periodOf(s.saidOn, s.datePrecision) : null;
  return {
    id: s.id,
    speakerId: s.speakerId,
    meetingId: s.meetingId,
    placeId: s.placeId,
    topicIds: s.topicIds,
    saidOnStart: period?.start ?? null,
    saidOnEnd: period?.end ?? null,
    props: {
      text: s.text,
      saidOn: s.saidOn,
      datePrecision: s.datePrecision,
      occasion: s.occasion,
      quoted: s.quoted,
      searchText: searchText(s.text, ...s.wordings.map((w) => w.text).filter((t) => t !== s.text)),
    },
    wordings: s.wordings.map((w) => {
      const quoted = w.quoted ?? s.quoted;
      // A source that gives the statement both ways keeps its quote under the plain id.
      const both = s.wordings.some((other) => other !== w && other.sourceId === w.sourceId);
      return {
        id: both && !quoted ? `${s.id}#${w.sourceId}#paraphrase` : `${s.id}#${w.sourceId}`,
        sourceId: w.sourceId,
        props: { text: w.text, quoted, attributedTo: w.attributedTo, basis: w.basis, note: w.note },
      };
    }),
  };
}

export const writeStatements = (run: RunStatement, rows: SeedStatement[]) => runReferringToPeople(run, WRITE_STATEMENTS, { rows: rows.map(statementRow) });
