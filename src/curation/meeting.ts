/** Curating meetings: create (or replace), update, attach claims from sources, retract a claim. */
import { z } from "zod";
import type {
  AttachClaimsInput,
  ClaimInput,
  DurationClaimInput,
  MeetingInput,
  ParticipantInput,
  RetractClaimInput,
  TimeEstimateInput,
  UpdateMeetingInput,
} from "../__generated__/resolvers.js";
import type { Context } from "../context.js";
import { compact } from "../graphql/input.js";
import { claimSchema, durationClaimSchema, meetingSchema, minutesValue, sourceRefSchema, type SeedMeeting } from "../model/entries.js";
import { durationBounds, durationProblems, figureOf, figureProblem, type DurationFigure } from "../model/duration.js";
import {
  claimRelays,
  claimRows,
  meetingRow,
  REFRESH_DURATION_COPY,
  RELAY_CLAIMS,
  throwIfMissingPeople,
  WRITE_CLAIMS,
  WRITE_MEETINGS_WHOLE,
  type MeetingRow,
} from "../db/writes.js";
import type { ClaimRank } from "../model/evidence.js";
import { MEETING_FIELDS, MEETINGS_BY_ID, ORGANIZATION_IDS, PARTICIPANTS, TOPIC_IDS, type MeetingRecord, type ParticipantRecord } from "../meeting/meeting.js";
import { aroundInStatement, type AroundWrite } from "../events/changes.js";
import { evidenceByKey, sourceRef, type StoredEvidence } from "./evidence.js";
import { INPUT, precisionOfInput } from "./input.js";
import {
  curate,
  idRefs,
  lockKey,
  locking,
  MISSING_REFERENCES,
  referenceCheck,
  sourceRefs,
  type CurationTx,
  type MissingReference,
  type MutationPlan,
  type Reference,
  type Written,
} from "./transaction.js";
import { Problems, parsed, parseWith, UserErrors } from "./userErrors.js";

// Old clients give a duration as its minutes and bounds; they are read back as the figure that
// gives them by the duration rule, so the graph holds one kind of duration claim.
const givenDurationSchema = durationClaimSchema.extend({
  minutes: minutesValue.nullable(),
  minMinutes: minutesValue.nullable(),
  maxMinutes: minutesValue.nullable(),
});

// A meeting given through the API may already have its date claim stored, so claims may be empty here.
const meetingInputSchema = meetingSchema.extend({ claims: z.array(claimSchema), durations: z.array(givenDurationSchema) });

const participantShape = (p: ParticipantInput) => ({
  personId: p.personId,
  role: p.role ?? null,
  delegationCountryId: p.delegationCountryId ?? null,
  sources: p.sources,
});
// Omitted (or null) evidence fields are left out, so the seed schema's defaults apply.
const evidenceShape = (c: ClaimInput | DurationClaimInput) =>
  compact({ basis: c.basis, note: c.note, hedge: c.hedge, rank: c.rank, rankReason: c.rankReason, relaysStatementId: c.relaysStatementId });
const durationShape = (d: DurationClaimInput) => ({
  sourceId: d.sourceId,
  excerpt: d.excerpt,
  wording: d.wording,
  figureMinutes: d.figureMinutes ?? null,
  granularityMinutes: d.granularityMinutes ?? null,
  bound: d.bound ?? null,
  minutes: d.minutes ?? null,
  minMinutes: d.minMinutes ?? null,
  maxMinutes: d.maxMinutes ?? null,
  hedge: d.approximate ? "APPROXIMATE" : "NONE",
  rank: d.preferred ? "PREFERRED" : "NORMAL",
  ...evidenceShape(d),
});
const claimShape = (c: ClaimInput) => ({
  field: c.field,
  value: c.value,
  wording: c.wording ?? null,
  sourceId: c.sourceId,
  excerpt: c.excerpt,
  ...evidenceShape(c),
});
const timeEstimateShape = (t: TimeEstimateInput | null | undefined) =>
  t && {
    earliest: t.earliest ?? null,
    latest: t.latest ?? null,
    wording: t.wording ?? null,
    sourceId: t.sourceId,
    basis: t.basis ?? "STATED",
    note: t.note ?? null,
  };

type GivenDuration = z.infer<typeof givenDurationSchema>;

/** The deprecated `approximate` and `preferred` may be given beside `hedge` and `rank`, but must say the same. */
function legacyContradictions(durations: readonly DurationClaimInput[], problems: Problems): void {
  durations.forEach((d, i) => {
    const field = [...INPUT, "durations", i];
    if (d.approximate != null && d.hedge != null && d.approximate !== (d.hedge === "APPROXIMATE")) {
      problems.add([...field, "approximate"], "CONTRADICTION", `approximate ${d.approximate} contradicts hedge ${d.hedge}; give hedge alone`);
    }
    if (d.preferred != null && d.rank != null && d.preferred !== (d.rank === "PREFERRED")) {
      problems.add([...field, "preferred"], "CONTRADICTION", `preferred ${d.preferred} contradicts rank ${d.rank}; give rank alone`);
    }
  });
}

/**
 * The figure a given duration states, with the problems found (at `field`): a figure given is
 * checked by the rule and the minutes and bounds given beside it must be the ones it gives; without
 * a figure, the minutes and bounds are read as the figure that gives them.
 */
function givenFigure(
  { figureMinutes, granularityMinutes, bound, minutes, minMinutes, maxMinutes }: GivenDuration,
  field: (string | number)[],
  problems: Problems,
): DurationFigure {
  const none = { figureMinutes: null, granularityMinutes: null, bound: null };
  const given = { minutes, minMinutes, maxMinutes };
  if (figureMinutes !== null || granularityMinutes !== null || bound !== null) {
    const figure = { figureMinutes, granularityMinutes, bound };
    const problem = figureProblem(figure);
    if (problem !== null) {
      problems.add(field, "INVALID", problem);
      return none;
    }
    const ruled = durationBounds(figure);
    for (const key of ["minutes", "minMinutes", "maxMinutes"] as const) {
      if (given[key] !== null && given[key] !== ruled[key]) {
        problems.add(
          [...field, key],
          "CONTRADICTION",
          `${key} ${given[key]} contradicts the figure: ${bound} ${figureMinutes} rounded to ${granularityMinutes} gives ${key} ${ruled[key] ?? "null (unbounded)"} by the duration rule; leave ${key} out`,
        );
      }
    }
    return figure;
  }
  const found = durationProblems(given);
  for (const problem of found) problems.add([...field, ...(problem.key ? [problem.key] : [])], problem.code, problem.message);
  if (found.length > 0) return none;
  const figure = figureOf(given);
  if (figure === null) {
    problems.add(
      field,
      "INVALID",
      `bounds ${minMinutes ?? "-"}..${maxMinutes ?? "-"} around ${minutes} do not follow the duration rule (docs/graph-model.md, "Durations"): give figureMinutes, granularityMinutes and bound instead`,
    );
  }
  return figure ?? none;
}

/** Where the input keeps the meeting's participants: `participants` (createMeeting), or `addParticipants` after the ones kept (updateMeeting). */
interface ParticipantsAt {
  key: string;
  /** Participants before this index were already stored, not in the input. */
  first: number;
}

/** The schema's checks plus the rules that span fields; throws every problem found. */
function checkMeeting(raw: unknown, at: ParticipantsAt, given: readonly DurationClaimInput[]): SeedMeeting {
  const problems = new Problems();
  legacyContradictions(given, problems);
  const issues = new Problems();
  const meeting = parseWith(meetingInputSchema, raw, [], issues);
  // Issues in participants are reported where the input has them.
  for (const issue of issues.list) {
    const [key, index, ...rest] = issue.field;
    const field = key === "participants" && index !== undefined ? [at.key, String(Number(index) - at.first), ...rest] : issue.field;
    problems.add([...INPUT, ...field], issue.code, issue.message);
  }
  let durations: SeedMeeting["durations"] = [];
  if (meeting) {
    if (meeting.startsAt !== null && meeting.endsAt !== null && Date.parse(meeting.endsAt) <= Date.parse(meeting.startsAt)) {
      problems.add([...INPUT, "endsAt"], "INVERTED_RANGE", `endsAt ${meeting.endsAt} must be after startsAt ${meeting.startsAt}`);
    }
    const attendees = new Set<string>();
    meeting.participants.forEach((p, i) => {
      if (attendees.has(p.personId)) problems.add([...INPUT, at.key, i - at.first, "personId"], "DUPLICATE", `${JSON.stringify(p.personId)} is listed twice`);
      attendees.add(p.personId);
    });
    for (const key of ["began", "ended"] as const) {
      const estimate = meeting[key];
      if (estimate?.earliest && estimate.latest && Date.parse(estimate.earliest) > Date.parse(estimate.latest)) {
        problems.add([...INPUT, key, "earliest"], "INVERTED_RANGE", `earliest ${estimate.earliest} is after latest ${estimate.latest}`);
      }
    }
    durations = checkClaims(meeting, problems);
  }
  problems.throwIfAny();
  return { ...meeting!, durations };
}

/** The rules among a meeting's given claims and durations (parsed); answers the durations as figures. */
function checkClaims(meeting: { claims: SeedMeeting["claims"]; durations: GivenDuration[] }, problems: Problems): SeedMeeting["durations"] {
  const durations = meeting.durations.map((given, i) => {
    const { minutes: _minutes, minMinutes: _minMinutes, maxMinutes: _maxMinutes, ...d } = given;
    return { ...d, ...givenFigure(given, [...INPUT, "durations", i], problems) };
  });
  const durationSources = new Set<string>();
  meeting.durations.forEach((d, i) => {
    if (durationSources.has(d.sourceId))
      problems.add(
        [...INPUT, "durations", i, "sourceId"],
        "DUPLICATE",
        `a second duration claim from source ${JSON.stringify(d.sourceId)}; keep one per source`,
      );
    durationSources.add(d.sourceId);
  });
  if (meeting.durations.filter((d) => d.rank === "PREFERRED").length > 1)
    problems.add([...INPUT, "durations"], "INVALID", "at most one duration claim can be preferred");
  const preferredFields = new Set<string>();
  meeting.claims.forEach((c, i) => {
    if (c.rank !== "PREFERRED") return;
    if (preferredFields.has(c.field)) problems.add([...INPUT, "claims", i, "rank"], "INVALID", `at most one ${c.field} claim can be preferred`);
    preferredFields.add(c.field);
  });
  const claims = new Set<string>();
  meeting.claims.forEach((c, i) => {
    const key = JSON.stringify([c.field, c.sourceId, c.value]);
    if (claims.has(key)) problems.add([...INPUT, "claims", i], "DUPLICATE", `the same ${c.field} claim from ${JSON.stringify(c.sourceId)} is listed twice`);
    claims.add(key);
  });
  return durations;
}

/** What the input refers to; participants from index `at.first` on are the input's. */
function meetingReferences(meeting: SeedMeeting, at: ParticipantsAt, changed: { placeId: boolean; topicIds: boolean; organizationIds: boolean }): Reference[] {
  return [
    ...(changed.placeId ? [{ field: [...INPUT, "placeId"], label: "Place" as const, id: meeting.placeId }] : []),
    ...(changed.topicIds ? idRefs([...INPUT, "topicIds"], "Topic", meeting.topicIds) : []),
    ...(changed.organizationIds ? idRefs([...INPUT, "organizationIds"], "Organization", meeting.organizationIds) : []),
    ...meeting.participants
      .slice(at.first)
      .flatMap((p, i): Reference[] => [
        { field: [...INPUT, at.key, i, "personId"], label: "Person", id: p.personId },
        { field: [...INPUT, at.key, i, "delegationCountryId"], label: "Country", id: p.delegationCountryId },
        ...sourceRefs([...INPUT, at.key, i, "sources"], p.sources),
      ]),
    ...(["began", "ended"] as const).map((key) => ({ field: [...INPUT, key, "sourceId"], label: "Source" as const, id: meeting[key]?.sourceId })),
    ...claimReferences(meeting),
  ];
}

/** What the input's claims and durations refer to: their sources and the statements they relay. */
const claimReferences = (meeting: Pick<SeedMeeting, "claims" | "durations">): Reference[] =>
  (["durations", "claims"] as const).flatMap((key) => [
    ...sourceRefs([...INPUT, key], meeting[key]),
    ...meeting[key].map((c, i) => ({ field: [...INPUT, key, i, "relaysStatementId"], label: "Statement" as const, id: c.relaysStatementId })),
  ]);

interface StoredClaim {
  id: string;
  field: string;
  value: string;
  wording: string | null;
  sourceId: string;
  duration: boolean;
  retracted: boolean;
  rank: ClaimRank;
  rankReason: string | null;
}

/** Which of the input's claims and durations give a rank; the others keep a stored claim's rank. */
interface RanksGiven {
  claims: boolean[];
  durations: boolean[];
}
const ranksGiven = (input: { claims?: readonly ClaimInput[] | null; durations?: readonly DurationClaimInput[] | null }): RanksGiven => ({
  claims: (input.claims ?? []).map((c) => c.rank != null),
  durations: (input.durations ?? []).map((d) => d.rank != null || d.preferred != null),
});

/**
 * A subquery answering `meetings`, what a mutation of a meeting's claims checks against, for each of
 * `$meetingIds` in its order: whether the meeting exists, its place, its participants and its stored claims.
 */
export const MEETINGS_ON_RECORD = `
CALL () {
  UNWIND $meetingIds AS id
  OPTIONAL MATCH (m:Meeting {id: id})
  RETURN collect({
    found: m IS NOT NULL,
    placeId: head([(m)-[:HELD_AT]->(place:Place) | place.id]),
    participantIds: coalesce([(p:Person)-[:ATTENDED]->(m) | p.id], []),
    claims: COLLECT {
      MATCH (m)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim)-[:FROM]->(s:Source)
      RETURN {id: c.id, field: c.field, value: c.value, wording: c.wording, sourceId: s.id, duration: c:DurationClaim, retracted: c.retractedAt IS NOT NULL,
              rank: coalesce(c.rank, CASE WHEN c.preferred THEN "PREFERRED" ELSE "NORMAL" END), rankReason: c.rankReason}
    }
  }) AS meetings
}`;

export interface MeetingOnRecord {
  found: boolean;
  placeId: string | null;
  participantIds: string[];
  claims: StoredClaim[];
}

/** The input's references that point at nothing and the meeting on record, in one read. */
const MEETING_ON_RECORD = `
${MISSING_REFERENCES}
${MEETINGS_ON_RECORD}
RETURN missingReferences, meetings`;

/** Meeting `id` as MEETINGS_ON_RECORD reads it (behind the locks not taken yet); the references that point at nothing are added to `problems`. */
async function meetingOnRecord(tx: CurationTx, id: string, refs: Reference[], problems: Problems): Promise<MeetingOnRecord> {
  const check = referenceCheck(refs);
  const [row] = await locking(tx)<{ missingReferences: MissingReference[]; meetings: MeetingOnRecord[] }>(MEETING_ON_RECORD, {
    meetingIds: [id],
    refs: check.refs,
  });
  check.report(row!.missingReferences, problems);
  return row!.meetings[0]!;
}

/** The number at the end of a claim id ("…#duration-3" → 3). */
const claimNumber = (id: string) => Number(id.slice(id.lastIndexOf("-") + 1)) || 0;

/**
 * Ids for the input's claims: a claim already stored (same field, source and value; for a duration,
 * the same source and wording) keeps its id, so repeating a mutation duplicates nothing; new ones are
 * numbered after the stored ones. A second standing duration claim from one source is refused.
 */
function claimIds(meeting: Pick<SeedMeeting, "id" | "claims" | "durations">, stored: StoredClaim[], problems: Problems) {
  const numbered = (kind: "claim" | "duration", isKind: boolean) => {
    let next = Math.max(0, ...stored.filter((c) => c.duration === isKind).map((c) => claimNumber(c.id)));
    return () => `${meeting.id}#${kind}-${++next}`;
  };
  const nextClaim = numbered("claim", false);
  const nextDuration = numbered("duration", true);
  const claims = meeting.claims.map(
    (c) => stored.find((s) => !s.duration && s.field === c.field && s.sourceId === c.sourceId && s.value === c.value)?.id ?? nextClaim(),
  );
  const durations = meeting.durations.map((d, i) => {
    const standing = stored.find((s) => s.duration && !s.retracted && s.sourceId === d.sourceId);
    if (standing && standing.wording !== d.wording) {
      problems.add(
        [...INPUT, "durations", i, "sourceId"],
        "DUPLICATE",
        `source ${JSON.stringify(d.sourceId)} already has a duration claim (${JSON.stringify(standing.wording)}, ${standing.id}); retract it first`,
      );
    }
    return standing?.id ?? nextDuration();
  });
  return { claims, durations };
}

/** Claims of meeting `m` that lose their PREFERRED rank to a preferred one given: durations when `unprefer`, claims of the fields `preferredFields`. */
const UNPREFER = `
CALL (m, unprefer) { MATCH (m)-[:HAS_DURATION]->(d:DurationClaim) WHERE unprefer AND d.rank = "PREFERRED" SET d.preferred = false, d.rank = "NORMAL" }
CALL (m, preferredFields) { MATCH (m)-[:HAS_CLAIM]->(c:Claim) WHERE c.field IN preferredFields AND c.rank = "PREFERRED" SET c.preferred = false, c.rank = "NORMAL" }`;

/**
 * A meeting's description replaced, in one statement: first what it replaces (its place, topics,
 * organizations and participants; claims stay), when it is stored, then the meeting as described.
 */
const PUT_MEETING = `
CALL () {
  MATCH (m:Meeting {id: $id})
  CALL (m) { MATCH (m)-[x:HELD_AT|ABOUT|INVOLVED]->() DELETE x }
  CALL (m) { MATCH ()-[x:ATTENDED]->(m) DELETE x }
  WITH m, $unprefer AS unprefer, $preferredFields AS preferredFields
  ${UNPREFER}
}
${WRITE_MEETINGS_WHOLE}`;

export const REFRESH_DURATION = `
MATCH (m:Meeting {id: $id})
${REFRESH_DURATION_COPY}`;

/** The input's claims among the stored ones: their ids, and the rank of a repeat that gives none. */
interface PlacedClaims {
  claims: SeedMeeting["claims"];
  durations: SeedMeeting["durations"];
  ids: { claims: string[]; durations: string[] };
}

/**
 * Places `meeting`'s claims among the `stored` ones (claimIds); repeating a claim without its rank
 * keeps the rank it was given (by rankClaim, say), so a repeat changes nothing. The meeting must
 * keep a standing date claim, and a place claim when it has a place.
 */
function placeClaims(
  meeting: Pick<SeedMeeting, "id" | "placeId" | "claims" | "durations">,
  stored: StoredClaim[],
  ranked: RanksGiven,
  problems: Problems,
): PlacedClaims {
  const ids = claimIds(meeting, stored, problems);
  const storedRank = (id: string, rankGiven: boolean | undefined) => {
    const claim = stored.find((c) => c.id === id);
    return claim && !rankGiven ? { rank: claim.rank, rankReason: claim.rankReason } : {};
  };
  const claims = meeting.claims.map((c, i) => ({ ...c, ...storedRank(ids.claims[i]!, ranked.claims[i]) }));
  const has = (field: string) => claims.some((c) => c.field === field) || stored.some((c) => c.field === field && !c.retracted);
  if (!has("date")) problems.add([...INPUT, "claims"], "MISSING_CLAIM", 'a meeting needs a sourced "date" claim');
  if (meeting.placeId !== null && !has("place")) problems.add([...INPUT, "claims"], "MISSING_CLAIM", 'a meeting with a place needs a sourced "place" claim');
  return { claims, durations: meeting.durations.map((d, i) => ({ ...d, ...storedRank(ids.durations[i]!, ranked.durations[i]) })), ids };
}

/** The parameters of UNPREFER for placed claims: a preferred one given takes the rank from the stored ones. */
const unpreferring = ({ claims, durations }: PlacedClaims) => ({
  unprefer: durations.some((d) => d.rank === "PREFERRED"),
  preferredFields: claims.filter((c) => c.rank === "PREFERRED").map((c) => c.field),
});

/** A row's claims under the ids they were placed at. */
const withClaimIds = <R extends Pick<MeetingRow, "claims" | "durations">>(row: R, { ids }: PlacedClaims): R => ({
  ...row,
  claims: row.claims.map((c, i) => ({ ...c, id: ids.claims[i]! })),
  durations: row.durations.map((d, i) => ({ ...d, id: ids.durations[i]! })),
});

/** What a claim mutation wrote: the meeting, its claims given, and which of them are new. */
function claimsWritten(meetingId: string, { ids }: PlacedClaims, stored: StoredClaim[]): Written {
  const written = [...ids.claims, ...ids.durations];
  return { id: meetingId, entityIds: [meetingId, ...written], addedClaimIds: written.filter((id) => !stored.some((claim) => claim.id === id)) };
}

/** Checks what `meeting` refers to and its claims against the stored ones, then writes it as described. */
async function putMeeting(tx: CurationTx, given: SeedMeeting, refs: Reference[], ranked: RanksGiven): Promise<Written> {
  const problems = new Problems();
  const { claims: stored, participantIds } = await meetingOnRecord(tx, given.id, refs, problems);
  const placed = placeClaims(given, stored, ranked, problems);
  problems.throwIfAny();
  const rows = [withClaimIds(meetingRow({ ...given, claims: placed.claims, durations: placed.durations }), placed)];
  const written = claimsWritten(given.id, placed, stored);
  const params = { id: given.id, ...unpreferring(placed), rows, relays: claimRelays(rows) };
  // The participants it no longer has: their lists of meetings and counterparts lose it.
  const left = participantIds.filter((id) => !given.participants.some((p) => p.personId === id));
  if (!tx.mutation) {
    throwIfMissingPeople(await tx.runAudited<{ missing: string[] }>(`${PUT_MEETING}\nRETURN missing`, params, written.entityIds));
    return { ...written, relinkedIds: left };
  }
  const readBack = meetingReadBack(tx.mutation, given.id, written.entityIds);
  const [row] = await tx.runAudited<ReadBackRow & { missing: string[] }>(
    `${PUT_MEETING}\n${readBack.cypher(["missing"])}`,
    { ...params, ...readBack.params },
    written.entityIds,
  );
  throwIfMissingPeople([row!]);
  return { ...written, relinkedIds: left, ...readBack.written(row!) };
}

type ReadBackRow = { around: AroundWrite; node: MeetingRecord };

/**
 * The end of a meeting's last write statement that reads what the events need and the meeting as
 * the answer shows it, so nothing is read after the commit; `carried` are the write's own columns
 * to return beside them.
 */
function meetingReadBack(mutation: string, meetingId: string, entityIds: string[]) {
  const around = aroundInStatement({ mutation, id: meetingId, entityIds });
  return {
    cypher: (carried: string[] = []) =>
      `${around.cypher}\nMATCH (m:Meeting {id: $id})\nRETURN ${[...carried, around.column, `${MEETING_FIELDS} AS node`].join(", ")}`,
    params: { id: meetingId, ...around.params },
    written: (row: ReadBackRow): Pick<Written, "around" | "answered"> => ({
      around: row.around,
      answered: (loaders) => loaders.meetingById.prime(meetingId, row.node),
    }),
  };
}

const allChanged = { placeId: true, topicIds: true, organizationIds: true };

export const createMeetingPlan = (input: MeetingInput): MutationPlan<SeedMeeting> => ({
  check: () =>
    checkMeeting(
      {
        ...input,
        datePrecision: precisionOfInput(input.date),
        startsAt: input.startsAt ?? null,
        endsAt: input.endsAt ?? null,
        began: timeEstimateShape(input.began) ?? null,
        ended: timeEstimateShape(input.ended) ?? null,
        placeId: input.placeId ?? null,
        outcome: input.outcome ?? null,
        topicIds: input.topicIds ?? [],
        organizationIds: input.organizationIds ?? [],
        participants: (input.participants ?? []).map(participantShape),
        durations: (input.durations ?? []).map(durationShape),
        claims: (input.claims ?? []).map(claimShape),
      },
      { key: "participants", first: 0 },
      input.durations ?? [],
    ),
  // The participants' locks: none of them is merged away while their attendance is written.
  locks: (meeting) => [lockKey("Meeting", meeting.id), ...meeting.participants.map((p) => lockKey("Person", p.personId))],
  work: (tx, meeting) => putMeeting(tx, meeting, meetingReferences(meeting, { key: "participants", first: 0 }, allChanged), ranksGiven(input)),
});

export const createMeeting = (ctx: Context, input: MeetingInput) => curate(ctx, "createMeeting", input, createMeetingPlan(input));

// How each attendance's sources are known, so writing the meeting again keeps it.
const ATTENDANCE_EVIDENCE = `
MATCH (p:Person)-[a:ATTENDED]->(:Meeting {id: $id})
UNWIND range(0, size(coalesce(a.sourceIds, [])) - 1) AS i
RETURN [p.id, a.sourceIds[i]] AS key, a.bases[i] AS basis, a.notes[i] AS note`;

// A meeting's time estimates, so writing it again keeps them (the read API has them as TimeEstimate).
const TIME_ESTIMATES = `
MATCH (m:Meeting {id: $id})
RETURN CASE WHEN m.beganBasis IS NULL THEN null ELSE {earliest: m.beganEarliest, latest: m.beganLatest, wording: m.beganWording, sourceId: m.beganSourceId, basis: m.beganBasis, note: m.beganNote} END AS began,
       CASE WHEN m.endedBasis IS NULL THEN null ELSE {earliest: m.endedEarliest, latest: m.endedLatest, wording: m.endedWording, sourceId: m.endedSourceId, basis: m.endedBasis, note: m.endedNote} END AS ended`;

/** The stored meeting in the shape of the input, from the read API's own Cypher; null when there is none. */
async function meetingState(tx: CurationTx, id: string): Promise<SeedMeeting | null> {
  const ids = [id];
  const [found] = await tx.run<{ node: MeetingRecord }>(MEETINGS_BY_ID, { ids });
  if (!found) return null;
  const m = found.node;
  const list = async <T>(cypher: string) => (await tx.run<{ items: T[] }>(cypher, { ids }))[0]?.items ?? [];
  const stored = evidenceByKey(await tx.run<StoredEvidence>(ATTENDANCE_EVIDENCE, { id }));
  return {
    id: m.id,
    kind: m.kind as SeedMeeting["kind"],
    title: m.title,
    date: m.date,
    datePrecision: m.datePrecision,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    ...(await tx.run<Pick<SeedMeeting, "began" | "ended">>(TIME_ESTIMATES, { id }))[0]!,
    placeId: m.place?.id ?? null,
    outcome: m.outcome,
    topicIds: await list<string>(TOPIC_IDS),
    organizationIds: await list<string>(ORGANIZATION_IDS),
    participants: (await list<ParticipantRecord>(PARTICIPANTS)).map(({ person, role, delegationCountryId, sources }) => ({
      personId: person.id,
      role,
      delegationCountryId,
      sources: (sources ?? []).map((s) => ({ ...stored.get(JSON.stringify([person.id, s.sourceId])), ...sourceRef(s) })),
    })) as SeedMeeting["participants"],
    durations: [],
    claims: [],
  };
}

type MeetingChanges = Omit<UpdateMeetingInput, "id"> & Pick<AttachClaimsInput, "attendances">;

/** `refs` after `more`'s references to sources `refs` does not cite yet. */
const withSources = <R extends { sourceId: string }>(refs: R[], more: readonly R[]) => [
  ...refs,
  ...more.filter((m) => !refs.some((r) => r.sourceId === m.sourceId)),
];

/** NOT_FOUND on each attendance (by its input index) whose person is not among the meeting's `participantIds`. */
function refuseNonParticipants(meetingId: string, attendances: { personId: string }[], participantIds: string[]): void {
  const absent = attendances.flatMap((a, i) => (participantIds.includes(a.personId) ? [] : [i]));
  if (absent.length === 0) return;
  throw new UserErrors(
    absent.map((i) => ({
      field: [...INPUT, "attendances", String(i), "personId"],
      code: "NOT_FOUND",
      message: `${JSON.stringify(attendances[i]!.personId)} is not a participant of ${JSON.stringify(meetingId)}`,
    })),
  );
}

/** Applies `changes` to stored meeting `id` (named by input field `idField`) and writes the result. */
async function changeMeeting(tx: CurationTx, id: string, idField: string, changes: MeetingChanges): Promise<Written> {
  const state = await meetingState(tx, id);
  if (!state) throw new UserErrors([{ field: [...INPUT, idField], code: "NOT_FOUND", message: `no meeting ${JSON.stringify(id)}` }]);
  const added = (changes.addParticipants ?? []).map(participantShape);
  const leaving = new Set([...(changes.removeParticipantIds ?? []), ...added.map((p) => p.personId)]);
  const supported = changes.attendances ?? [];
  refuseNonParticipants(
    id,
    supported,
    state.participants.map((p) => p.personId),
  );
  const kept = state.participants
    .filter((p) => !leaving.has(p.personId))
    .map((p) => ({
      ...p,
      sources: withSources(
        p.sources,
        supported.filter((a) => a.personId === p.personId).flatMap((a) => a.sources),
      ),
    }));
  const at = { key: "addParticipants", first: kept.length };
  const scalars = compact({
    kind: changes.kind,
    title: changes.title,
    date: changes.date,
    startsAt: changes.startsAt,
    endsAt: changes.endsAt,
    began: timeEstimateShape(changes.began),
    ended: timeEstimateShape(changes.ended),
    placeId: changes.placeId,
    outcome: changes.outcome,
    topicIds: changes.topicIds,
  });
  const meeting = checkMeeting(
    {
      ...state,
      ...scalars,
      datePrecision: scalars.date ? precisionOfInput(scalars.date) : state.datePrecision,
      participants: [...kept, ...added],
      durations: (changes.durations ?? []).map(durationShape),
      claims: (changes.claims ?? []).map(claimShape),
    },
    at,
    changes.durations ?? [],
  );
  const refs = [
    ...meetingReferences(meeting, at, { placeId: scalars.placeId !== undefined, topicIds: scalars.topicIds !== undefined, organizationIds: false }),
    ...supported.flatMap((a, i) => sourceRefs([...INPUT, "attendances", i, "sources"], a.sources)),
  ];
  return putMeeting(tx, meeting, refs, ranksGiven(changes));
}

export const updateMeeting = (ctx: Context, { id, ...changes }: UpdateMeetingInput) =>
  curate(
    ctx,
    "updateMeeting",
    { id, ...changes },
    {
      check: () => id,
      // Stored participants need no lock of their own: merging one of them takes this meeting's lock.
      locks: () => [lockKey("Meeting", id), ...(changes.addParticipants ?? []).map((p) => lockKey("Person", p.personId))],
      work: (tx) => changeMeeting(tx, id, "id", changes),
    },
  );

// The input's claims and durations, before their rules are checked (checkClaims).
const claimsInputSchema = z.strictObject({ claims: z.array(claimSchema), durations: z.array(givenDurationSchema) });

/**
 * Adds claims, duration claims and attendance sources to stored meetings, in one statement: for each
 * of `$additions` in order, as if one after another, to meeting `add.id`: the claims (UNPREFER
 * first), the sources each attendance lacks (`add.attendances`, one entry per person), the claims'
 * RELAYS edges and the meeting's duration copy. The rest of the meeting stays as it is.
 */
export const ATTACH_CLAIMS = `
CALL () {
  UNWIND $additions AS add
  CALL (add) {
    MATCH (m:Meeting {id: add.id})
    WITH m, add, add.unprefer AS unprefer, add.preferredFields AS preferredFields
    ${UNPREFER}
    ${WRITE_CLAIMS("add.claims", "add.durations")}
    WITH m, add
    CALL (m, add) {
      UNWIND add.attendances AS given
      MATCH (:Person {id: given.personId})-[a:ATTENDED]->(m)
      WITH a, [ref IN given.sources WHERE NOT ref.sourceId IN coalesce(a.sourceIds, [])] AS added
      SET a.sourceIds = coalesce(a.sourceIds, []) + [ref IN added | ref.sourceId],
          a.excerpts = coalesce(a.excerpts, []) + [ref IN added | ref.excerpt],
          a.bases = coalesce(a.bases, []) + [ref IN added | ref.basis],
          a.notes = coalesce(a.notes, []) + [ref IN added | coalesce(ref.note, "")]
    }
    CALL (add) { UNWIND add.relays AS relay ${RELAY_CLAIMS} }
    CALL (m) {${REFRESH_DURATION_COPY}
    }
  }
}`;

type AttachChanges = Omit<AttachClaimsInput, "meetingId">;

/** attachClaims' input checked without the database: the claims given (null when invalid), the attendances, what they refer to, the problems found. */
export interface AttachInput {
  claims: Pick<SeedMeeting, "id" | "claims" | "durations"> | null;
  attendances: { personId: string; sources: SeedMeeting["participants"][number]["sources"] }[];
  refs: Reference[];
  invalid: Problems;
  ranked: RanksGiven;
}

export function attachInput(meetingId: string, changes: AttachChanges): AttachInput {
  const invalid = new Problems();
  legacyContradictions(changes.durations ?? [], invalid);
  const given = parseWith(
    claimsInputSchema,
    { claims: (changes.claims ?? []).map(claimShape), durations: (changes.durations ?? []).map(durationShape) },
    INPUT,
    invalid,
  );
  const claims = given && { id: meetingId, claims: given.claims, durations: checkClaims(given, invalid) };
  const attendances = (changes.attendances ?? []).map((a, i) => ({
    personId: a.personId,
    sources: parseWith(z.array(sourceRefSchema), a.sources, [...INPUT, "attendances", String(i), "sources"], invalid) ?? [],
  }));
  const refs = [...(claims ? claimReferences(claims) : []), ...attendances.flatMap((a, i) => sourceRefs([...INPUT, "attendances", i, "sources"], a.sources))];
  return { claims, attendances, refs, invalid, ranked: ranksGiven(changes) };
}

/**
 * attachClaims' checks of `input` against meeting `stored` as read, `problems` holding those of
 * its references (throws UserErrors); what it writes, one of ATTACH_CLAIMS's `$additions`; and the
 * meeting on record once that is written, for an addition checked after it in the same transaction.
 */
export function attached(meetingId: string, input: AttachInput, stored: MeetingOnRecord, problems: Problems) {
  if (!stored.found) throw new UserErrors([{ field: [...INPUT, "meetingId"], code: "NOT_FOUND", message: `no meeting ${JSON.stringify(meetingId)}` }]);
  refuseNonParticipants(meetingId, input.attendances, stored.participantIds);
  input.invalid.throwIfAny();
  const placed = placeClaims({ ...input.claims!, placeId: stored.placeId }, stored.claims, input.ranked, problems);
  problems.throwIfAny();
  const row = withClaimIds(claimRows({ id: meetingId, claims: placed.claims, durations: placed.durations }), placed);
  // A person named twice gets the sources of both entries, each checked against what the attendance has.
  const sourcesOf = new Map<string, AttachInput["attendances"][number]["sources"]>();
  for (const a of input.attendances) sourcesOf.set(a.personId, [...(sourcesOf.get(a.personId) ?? []), ...a.sources]);
  const unpreferred = unpreferring(placed);
  return {
    addition: {
      id: meetingId,
      ...unpreferred,
      ...row,
      relays: claimRelays([row]),
      attendances: [...sourcesOf].map(([personId, sources]) => ({ personId, sources })),
    },
    written: claimsWritten(meetingId, placed, stored.claims),
    after: { ...stored, claims: claimsAfter(stored.claims, unpreferred, row) },
  };
}

/** The stored claims once UNPREFER has taken the ranks it takes and `row`'s claims are written. */
function claimsAfter(stored: StoredClaim[], { unprefer, preferredFields }: ReturnType<typeof unpreferring>, row: ReturnType<typeof claimRows>): StoredClaim[] {
  const claims = stored.map((c) =>
    c.rank === "PREFERRED" && (c.duration ? unprefer : preferredFields.includes(c.field)) ? { ...c, rank: "NORMAL" as const } : c,
  );
  const written = [...row.claims.map((c) => ({ c, duration: false })), ...row.durations.map((c) => ({ c, duration: true }))];
  for (const { c, duration } of written) {
    const at = claims.findIndex((s) => s.id === c.id);
    const { field, value, wording, rank, rankReason } = c.props;
    claims.splice(at < 0 ? claims.length : at, at < 0 ? 0 : 1, {
      id: c.id,
      field,
      value,
      wording,
      sourceId: c.sourceId,
      duration,
      retracted: claims[at]?.retracted ?? false,
      rank,
      rankReason,
    });
  }
  return claims;
}

/** attachClaims: what it adds is checked against the stored meeting, which is not written again. */
async function attachToMeeting(tx: CurationTx, meetingId: string, changes: AttachChanges): Promise<Written> {
  const input = attachInput(meetingId, changes);
  const problems = new Problems();
  const stored = await meetingOnRecord(tx, meetingId, input.refs, problems);
  const { addition, written } = attached(meetingId, input, stored, problems);
  if (!tx.mutation) {
    await tx.runAudited(ATTACH_CLAIMS, { additions: [addition] }, written.entityIds);
    return written;
  }
  const readBack = meetingReadBack(tx.mutation, meetingId, written.entityIds);
  const [row] = await tx.runAudited<ReadBackRow>(`${ATTACH_CLAIMS}\n${readBack.cypher()}`, { additions: [addition], ...readBack.params }, written.entityIds);
  return { ...written, ...readBack.written(row!) };
}

/**
 * What a mutation adds to stored meeting `meetingId`, when that is all it writes: claims, durations
 * and attendances' sources, as attachClaims adds them. Several in one transaction can be checked
 * against one read and written in one statement (meetingAdditions.ts). An attendances plan's
 * addition is one only when everyone it names attends already (`onlyIfAttending`): else it adds
 * participants, which rewrites the meeting.
 */
export interface MeetingAddition {
  meetingId: string;
  changes: AttachChanges;
  onlyIfAttending: boolean;
}

export const attachClaimsPlan = ({ meetingId, ...changes }: AttachClaimsInput): MutationPlan<string> & { addition: MeetingAddition } => ({
  check: () => meetingId,
  locks: () => [lockKey("Meeting", meetingId)],
  work: (tx) => attachToMeeting(tx, meetingId, changes),
  addition: { meetingId, changes, onlyIfAttending: false },
});

export const attachClaims = (ctx: Context, { meetingId, ...changes }: AttachClaimsInput) =>
  curate(ctx, "attachClaims", { meetingId, ...changes }, attachClaimsPlan({ meetingId, ...changes }));

/** Attendances at a stored meeting, for article ingest: a participant already recorded gets these sources, anyone else is added. */
export interface AttendancesInput {
  meetingId: string;
  participants: ParticipantInput[];
}

export const attendancesPlan = ({ meetingId, participants }: AttendancesInput): MutationPlan<string> & { addition: MeetingAddition } => ({
  check: () => meetingId,
  // As updateMeeting's: the meeting, and the people added to it.
  locks: () => [lockKey("Meeting", meetingId), ...participants.map((p) => lockKey("Person", p.personId))],
  work: async (tx) => {
    const state = await meetingState(tx, meetingId);
    const attends = (p: ParticipantInput) => state?.participants.some((stored) => stored.personId === p.personId) ?? false;
    return changeMeeting(tx, meetingId, "meetingId", {
      addParticipants: participants.filter((p) => !attends(p)),
      attendances: participants.filter(attends).map(({ personId, sources }) => ({ personId, sources })),
    });
  },
  addition: { meetingId, changes: { attendances: participants.map(({ personId, sources }) => ({ personId, sources })) }, onlyIfAttending: true },
});

/** A claim id names its meeting: "<meetingId>#claim-<n>" or "<meetingId>#duration-<n>". */
export const meetingOfClaim = (claimId: string) => claimId.split("#")[0] ?? claimId;

// A second retraction keeps the first one's who, when and why.
const RETRACT_CLAIM = `
MATCH (m:Meeting)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim {id: $claimId})
SET c.retractedAt = coalesce(c.retractedAt, datetime()), c.retractedBy = coalesce(c.retractedBy, $actor),
    c.retractionReason = coalesce(c.retractionReason, $reason), c.preferred = false,
    c.rank = CASE WHEN c.rank = "PREFERRED" THEN "NORMAL" ELSE c.rank END
RETURN m.id AS meetingId`;

const retractSchema = z.strictObject({ claimId: z.string().trim().min(1, { error: "must not be empty" }), reason: claimSchema.shape.excerpt });

export const retractClaim = (ctx: Context, input: RetractClaimInput) =>
  curate(ctx, "retractClaim", input, {
    check: () => parsed(retractSchema, input, INPUT),
    locks: ({ claimId }) => [lockKey("Meeting", meetingOfClaim(claimId))],
    work: async (tx, { claimId, reason }) => {
      const [row] = await locking(tx)<{ meetingId: string }>(RETRACT_CLAIM, { claimId, reason, actor: tx.actor.actor });
      if (!row) throw new UserErrors([{ field: [...INPUT, "claimId"], code: "NOT_FOUND", message: `no claim ${JSON.stringify(claimId)}` }]);
      await tx.run(REFRESH_DURATION, { id: row.meetingId });
      return { id: claimId, entityIds: [claimId, row.meetingId] };
    },
  });
