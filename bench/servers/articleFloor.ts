/**
 * The write floor's ingestArticle and acceptProposals (bench/writeArticles.ts says what the
 * benchmark sends them). Ingest runs the project's extraction before its transaction, as the
 * service does: the extraction is the project's rule, not database work. Each then writes in one
 * hand-written transaction with the service's locks and audit entry.
 */
import { createHash } from "node:crypto";
import { articleText, extractProposals, neo4jLookup } from "../../src/extract/index.js";
import { REFRESH_DURATION_COPY } from "../../src/db/writes.js";
import { periodOf, precisionOf } from "../../src/model/dates.js";
import { durationBounds, isApproximate } from "../../src/model/duration.js";
import type { ProposalDraft } from "../../src/model/proposal.js";
import { proposalId } from "../../src/proposal/store.js";
import { ACTOR, AUDIT, inWriteTransaction, TAKE_LOCKS, type Handler } from "./writeFloorCommon.js";

/** The source and its proposals (PROPOSED_FROM it), with their fields as the review page reads them. */
const INGEST = `
CREATE (s:Source {id: $source.id})
SET s += $source.props
WITH s
CALL (s) {
  UNWIND $proposals AS row
  CREATE (p:Proposal {id: row.id})-[:PROPOSED_FROM]->(s)
  SET p += row.props, p.createdAt = datetime()
}
WITH s, [s.id] + [row IN $proposals | row.id] AS entityIds
${AUDIT}
RETURN s.id AS id`;

/** A draft's stored fields: new ones PENDING, those the graph holds from this source ALREADY_KNOWN. */
function proposalRow(sourceId: string, draft: ProposalDraft) {
  const knownAs = draft.known?.fromThisSource ? draft.known.id : null;
  return {
    id: proposalId(sourceId, draft.key),
    props: {
      key: draft.key,
      kind: draft.kind,
      status: knownAs === null ? "PENDING" : "ALREADY_KNOWN",
      became: knownAs,
      start: draft.start,
      end: draft.end,
      excerpt: draft.excerpt,
      meetingKey: draft.meetingKey,
      draft: JSON.stringify(draft),
    },
  };
}

/**
 * A new source for the article and its proposals. The benchmark's titles are slugs already and it
 * gives no publisher, so the service's source id (a slug of the title, publisher and date) is the
 * title and the date; its publishedOn is a whole day.
 */
export const ingestArticle: Handler = async (session, { input }, db) => {
  const text = articleText(input.text as string);
  const sourceId = `${input.title}-${input.publishedOn}`;
  const drafts = await extractProposals({ text, sourceId, title: input.title, publishedOn: input.publishedOn }, neo4jLookup(db));
  const source = { id: sourceId, props: { title: input.title, publishedOn: input.publishedOn, datePrecision: "DAY", kind: "article", text } };
  const audited = { ...input, text: `${text.length} characters, sha256 ${createHash("sha256").update(text).digest("hex")}` };
  const proposals = drafts.map((draft) => proposalRow(sourceId, draft));
  await inWriteTransaction(session, async (tx) => {
    await tx.run(TAKE_LOCKS, { keys: [`Source:${sourceId}`] });
    await tx.run(INGEST, { source, proposals, inputJson: JSON.stringify(audited), mutation: "ingestArticle", ...ACTOR });
  });
  return { source: { id: sourceId }, proposals: proposals.map((p) => ({ id: p.id })) };
};

// The proposals' locks are held (the first statement): nothing they say changes under this read.
const READ_PROPOSALS = `
UNWIND $ids AS id
MATCH (p:Proposal {id: id})-[:PROPOSED_FROM]->(s:Source)
RETURN p.id AS id, p.status AS status, p.draft AS draft, s.id AS sourceId`;

/** The highest number after the last "-" of the ids of `m`'s claims along `edge`, 0 for none. */
const lastNumber = (edge: string) =>
  `reduce(last = 0, id IN [(m)-[:${edge}]->(c:Claim) | c.id] | CASE WHEN toInteger(split(id, '-')[-1]) > last THEN toInteger(split(id, '-')[-1]) ELSE last END)`;

/**
 * What accepting writes for an article about a meeting the graph holds: its claims and duration
 * claims (numbered after the meeting's, then its duration copy refreshed by the project's rule),
 * the article as a source of the attendances, new statements with their wording, the proposals
 * ACCEPTED, and the audit entry.
 */
const ACCEPT = `
CALL () {${TAKE_LOCKS}
}
MATCH (m:Meeting {id: $meetingId}), (source:Source {id: $sourceId})
WITH m, source, ${lastNumber("HAS_CLAIM")} AS lastClaim, ${lastNumber("HAS_DURATION")} AS lastDuration
CALL (m, source, lastClaim) {
  UNWIND range(0, size($claims) - 1) AS i
  CREATE (m)-[:HAS_CLAIM]->(claim:Claim {id: m.id + '#claim-' + (lastClaim + i + 1)})-[:FROM]->(source)
  SET claim += $claims[i]
  RETURN collect(claim.id) AS claimIds
}
CALL (m, source, lastDuration) {
  UNWIND range(0, size($durations) - 1) AS i
  CREATE (m)-[:HAS_DURATION]->(d:Claim:DurationClaim {id: m.id + '#duration-' + (lastDuration + i + 1)})-[:FROM]->(source)
  SET d += $durations[i]
  RETURN collect(d.id) AS durationIds
}
CALL (m) {${REFRESH_DURATION_COPY}
}
CALL (m, source) {
  UNWIND $attendances AS a
  MATCH (:Person {id: a.personId})-[r:ATTENDED]->(m)
  WHERE NOT source.id IN coalesce(r.sourceIds, [])
  SET r.sourceIds = coalesce(r.sourceIds, []) + source.id, r.excerpts = coalesce(r.excerpts, []) + a.excerpt,
      r.bases = coalesce(r.bases, []) + a.basis, r.notes = coalesce(r.notes, []) + coalesce(a.note, '')
}
CALL (source) {
  UNWIND $statements AS st
  MATCH (speaker:Person {id: st.speakerId})
  CREATE (speaker)-[:SAID]->(s:Statement {id: st.id})-[:HAS_WORDING]->(w:Wording {id: st.id + '#' + source.id})-[:FROM]->(source)
  SET s += st.props, s.saidOnStart = date(st.saidOnStart), s.saidOnEnd = date(st.saidOnEnd), w += st.wording
  RETURN collect(s.id) + collect(w.id) AS statementIds
}
CALL (durationIds) {
  UNWIND $proposals AS row
  MATCH (p:Proposal {id: row.id})
  SET p.status = 'ACCEPTED', p.became = coalesce(row.became, durationIds[toInteger(row.duration)]), p.created = row.created,
      p.decidedBy = $actor, p.decidedAt = datetime()
}
WITH m, $ids + [m.id] + claimIds + durationIds + statementIds AS entityIds
${AUDIT}
RETURN m.id AS id`;

/** A draft's evidence from its article, as the service writes it on what the proposal becomes. */
const evidence = (draft: ProposalDraft) => ({ excerpt: draft.excerpt, basis: draft.basis, note: draft.note ?? null });

const unsupported = (why: string) =>
  new Error(`The floor accepts the benchmark's articles only (one meeting the graph holds, its people, durations and new statements): ${why}.`);

/** What accepting `drafts` (in dependency order, as the benchmark lists them) writes, as the parameters of ACCEPT. */
function acceptance(drafts: { id: string; draft: ProposalDraft }[]) {
  const meetings = drafts.filter(({ draft }) => draft.kind === "MEETING");
  const meeting = meetings[0]?.draft.meeting;
  if (meetings.length !== 1 || !meeting?.existingId || meeting.place) throw unsupported("not one meeting the graph holds, without a place");
  const meetingEvidence = evidence(meetings[0]!.draft);
  const personOf = (ref: { id: string } | { key: string }) => {
    if ("id" in ref) return ref.id;
    throw unsupported(`a reference to another proposal (${ref.key})`);
  };
  const attendances = [
    ...meeting.participants.map((ref) => ({ personId: personOf(ref), ...meetingEvidence })),
    ...drafts.flatMap(({ draft }) => (draft.participation ? [{ personId: personOf(draft.participation.person), ...evidence(draft) }] : [])),
  ].filter((a, i, all) => all.findIndex((b) => b.personId === a.personId) === i);
  const durationDrafts = drafts.filter(({ draft }) => draft.kind === "DURATION");
  const durations = durationDrafts.map(({ draft }) => {
    const { wording, figureMinutes, granularityMinutes, bound, hedge } = draft.duration!;
    const bounds = durationBounds({ figureMinutes, granularityMinutes, bound });
    return {
      ...evidence(draft),
      field: "duration",
      value: String(bounds.minutes),
      wording,
      figureMinutes,
      granularityMinutes,
      bound,
      hedge,
      ...bounds,
      approximate: isApproximate(hedge),
    };
  });
  const statements = drafts.flatMap(({ draft }) => {
    const s = draft.statement;
    if (!s) return [];
    if (s.existingId || s.meeting || s.occasion || !s.saidOn) throw unsupported("a statement the graph holds, or at a meeting or occasion, or undated");
    const precision = precisionOf(s.saidOn);
    const period = periodOf(s.saidOn, precision);
    const quoted = s.kind === "QUOTE";
    return [
      {
        id: s.id,
        speakerId: personOf(s.speaker),
        props: { text: s.text, searchText: s.text, quoted, saidOn: s.saidOn, datePrecision: precision },
        saidOnStart: period.start,
        saidOnEnd: period.end,
        wording: { text: s.text, quoted, basis: draft.basis, note: draft.note ?? null },
      },
    ];
  });
  const proposals = drafts.map(({ id, draft }) => {
    if (!["PERSON", "MEETING", "PARTICIPATION", "DURATION", "STATEMENT"].includes(draft.kind)) throw unsupported(`a ${draft.kind} proposal`);
    if (draft.person && !draft.person.existingId) throw unsupported("a new person");
    const became = draft.person?.existingId ?? draft.statement?.id ?? (draft.kind === "DURATION" ? null : meeting.existingId);
    const duration = durationDrafts.findIndex((d) => d.id === id);
    return { id, became, duration: duration < 0 ? null : duration, created: draft.kind === "STATEMENT" };
  });
  return {
    meetingId: meeting.existingId,
    claims: [{ ...meetingEvidence, field: "date", value: meeting.date, hedge: "NONE", rank: "NORMAL", preferred: false }],
    durations,
    attendances,
    statements,
    proposals,
  };
}

/** The service's lock order: proposals, people, meetings, statements; by key within each. */
const lockKeys = (prefix: string, ids: string[]) => [...new Set(ids)].sort().map((id) => `${prefix}:${id}`);

/** Accepts the pending proposals of one of the benchmark's articles; an accepted one again is refused rather than skipped (the benchmark never sends one). */
export const acceptProposals: Handler = (session, { ids }) =>
  inWriteTransaction(session, async (tx) => {
    await tx.run(TAKE_LOCKS, { keys: lockKeys("Proposal", ids) });
    const rows = (await tx.run(READ_PROPOSALS, { ids })).records.map((r) => r.toObject() as { id: string; status: string; draft: string; sourceId: string });
    const sourceIds = new Set(rows.map((r) => r.sourceId));
    if (rows.length !== ids.length || sourceIds.size !== 1 || rows.some((r) => r.status !== "PENDING"))
      throw unsupported("proposals missing, decided, or from several articles");
    const write = acceptance(rows.map((r) => ({ id: r.id, draft: JSON.parse(r.draft) as ProposalDraft })));
    const keys = [
      ...lockKeys("Person", [...write.attendances.map((a) => a.personId), ...write.statements.map((s) => s.speakerId)]),
      ...lockKeys("Meeting", [write.meetingId]),
      ...lockKeys(
        "Statement",
        write.statements.map((s) => s.id),
      ),
    ];
    await tx.run(ACCEPT, { ...write, keys, ids, sourceId: [...sourceIds][0], inputJson: JSON.stringify({ ids }), mutation: "acceptProposals", ...ACTOR });
    return { proposals: ids.map((id: string) => ({ id, status: "ACCEPTED" })) };
  });
