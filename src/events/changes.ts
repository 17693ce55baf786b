/**
 * What a committed write tells subscribers: the curation transaction reports the write
 * (src/curation/transaction.ts, after the commit), and this turns it into events on the bus, one
 * per topic it concerns. What each topic's events carry is in src/events/topics.ts.
 */
import type { Neo4jExecutor } from "../db/executor.js";
import type { Logger } from "../logger.js";
import type { EventBus } from "./bus.js";
import {
  CLAIMS_TOPIC,
  meetingTopic,
  personTopic,
  PROPOSALS_TOPIC,
  type ClaimAdded,
  type MeetingChanged,
  type MeetingChangeKind,
  type PersonChanged,
  type PersonChangeKind,
  type ProposalChangeKind,
  type ProposalsChanged,
} from "./topics.js";

/** A write that has committed: the mutation, who made it, the object its payload shows, and every id it changed (as in the audit entry). */
export interface CommittedWrite {
  mutation: string;
  actor: string;
  id: string;
  entityIds: string[];
  /** The claims among entityIds the write created (a repeated claim keeps its id and is not new). */
  addedClaimIds?: string[];
  /**
   * Nodes besides entityIds whose relationships the write changed, which a read after the commit
   * cannot find from them: a participant an updated meeting left out, a statement's former speaker
   * and meeting, the meetings a merge moved to its survivor (what the response cache drops, src/cache/).
   */
  relinkedIds?: string[];
  /** What the events need, when the write read it in its last statement (aroundInStatement); else it is read after the commit. */
  around?: AroundWrite;
}

/** Told of each committed write, after its commit; resolves once its events are on the bus (in commit order), never rejects. */
export type CommitListener = (write: CommittedWrite) => Promise<void>;

const isClaimId = (id: string) => /#(claim|duration)-\d+$/.test(id);

/** How each mutation changes a meeting it touches. Mutations absent here change no meeting (createSource). */
const MEETING_CHANGES: Record<string, MeetingChangeKind> = {
  createMeeting: "CREATED",
  updateMeeting: "UPDATED",
  attachClaims: "CLAIMS_ATTACHED",
  retractClaim: "CLAIM_RETRACTED",
  rankClaim: "CLAIM_RANKED",
  addStatement: "STATEMENT_ADDED",
  addWording: "STATEMENT_ADDED",
  mergePeople: "PARTICIPANT_MERGED",
  acceptProposals: "PROPOSALS_ACCEPTED",
};

/** How each mutation changes the proposals among its ids ("<sourceId>#proposal-<hash>", src/proposal/store.ts). */
const PROPOSAL_CHANGES: Record<string, ProposalChangeKind> = { ingestArticle: "PROPOSED", acceptProposals: "ACCEPTED", rejectProposals: "REJECTED" };
const PROPOSAL_ID = /^(.+)#proposal-[0-9a-f]+$/;

/**
 * What the events need that the write's ids do not say, read once: each written claim's meeting,
 * field, source and people (participants and claimant), each written statement's meeting, and, for
 * a merge, the meetings the survivor now attends. Subqueries (parameter `around`, aroundParams)
 * whose answers AROUND_COLUMN returns.
 */
const AROUND = `
CALL () {
  UNWIND $around.claimIds AS id
  MATCH (m:Meeting)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim {id: id})-[:FROM]->(s:Source)
  RETURN collect({claimId: c.id, meetingId: m.id, field: CASE WHEN c:DurationClaim THEN "duration" ELSE c.field END, sourceId: s.id,
    personIds: [(p:Person)-[:ATTENDED]->(m) | p.id] + [(c)-[:RELAYS]->(:Statement)<-[:SAID]-(p:Person) | p.id]}) AS claims
}
CALL () {
  UNWIND $around.statementIds AS id
  MATCH (:Statement {id: id})-[:IN_CONTEXT_OF]->(m:Meeting)
  RETURN collect(DISTINCT {statementId: id, meetingId: m.id}) AS statementMeetings
}
CALL () {
  OPTIONAL MATCH (:Person {id: $around.survivorId})-[:ATTENDED]->(m:Meeting)
  RETURN collect(m.id) AS survivorMeetingIds
}`;

const AROUND_COLUMN = "{claims: claims, statementMeetings: statementMeetings, survivorMeetingIds: survivorMeetingIds} AS around";

const AROUND_WRITE = `${AROUND}
RETURN ${AROUND_COLUMN}`;

export interface AroundWrite {
  claims: { claimId: string; meetingId: string; field: string; sourceId: string; personIds: string[] }[];
  statementMeetings: { statementId: string; meetingId: string }[];
  survivorMeetingIds: string[];
}

type Event = { topic: string; payload: MeetingChanged | PersonChanged | ClaimAdded | ProposalsChanged };

/** One event per article whose proposals the write created or decided. */
function proposalEvents({ mutation, actor, entityIds }: CommittedWrite, at: string): Event[] {
  const change = PROPOSAL_CHANGES[mutation];
  if (!change) return [];
  const bySource = new Map<string, string[]>();
  for (const id of new Set(entityIds)) {
    const sourceId = PROPOSAL_ID.exec(id)?.[1];
    if (sourceId) bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), id]);
  }
  return [...bySource].map(([sourceId, proposalIds]) => ({ topic: PROPOSALS_TOPIC, payload: { sourceId, change, proposalIds, mutation, actor, at } }));
}

type WriteIds = Pick<CommittedWrite, "mutation" | "id" | "entityIds">;

/** The parameter `around` of AROUND: the written claims and statements, and a merge's survivor. */
function aroundParams({ mutation, id, entityIds }: WriteIds) {
  return {
    claimIds: entityIds.filter(isClaimId),
    // Accepted proposals may have written statements among other things: the read keeps the ids that are statements.
    statementIds:
      mutation === "addStatement" || mutation === "addWording"
        ? [id]
        : mutation === "acceptProposals"
          ? entityIds.filter((entityId) => !isClaimId(entityId) && !PROPOSAL_ID.test(entityId))
          : [],
    survivorId: mutation === "mergePeople" ? id : null,
  };
}

/**
 * What the events of `write` need, read at the end of its last statement, which then returns
 * `around` (CommittedWrite's): no read after the commit. Read with the write's locks held, it is
 * what that read would find of the objects written.
 */
export const aroundInStatement = (write: WriteIds) => ({ cypher: AROUND, column: AROUND_COLUMN, params: { around: aroundParams(write) } });

/** The events one committed write publishes, in the order subscribers get them. */
export async function eventsOf(write: CommittedWrite, db: Neo4jExecutor): Promise<Event[]> {
  const { mutation, actor } = write;
  const at = new Date().toISOString();
  const merge = mutation === "mergePeople" ? { survivorId: write.id, mergedIds: [...new Set(write.entityIds)].filter((id) => id !== write.id) } : null;
  const meetingChange = MEETING_CHANGES[mutation];
  const events: Event[] = proposalEvents(write, at);
  if (!meetingChange && !PERSON_CHANGES[mutation]) return events;
  const around = write.around ?? (await db.read<{ around: AroundWrite }>("events.aroundWrite", AROUND_WRITE, { around: aroundParams(write) }))[0]!.around;
  const { claims, statementMeetings, survivorMeetingIds } = around;

  if (meetingChange) {
    const meetingIds = new Set([...claims.map((c) => c.meetingId), ...statementMeetings.map((s) => s.meetingId), ...survivorMeetingIds]);
    if (mutation === "createMeeting" || mutation === "updateMeeting" || mutation === "attachClaims") meetingIds.add(write.id);
    for (const meetingId of meetingIds) {
      const payload: MeetingChanged = {
        meetingId,
        change: meetingChange,
        mutation,
        actor,
        at,
        claimIds: claims.filter((c) => c.meetingId === meetingId).map((c) => c.claimId),
        statementIds: statementMeetings.filter((s) => s.meetingId === meetingId).map((s) => s.statementId),
        personIds: merge ? [merge.survivorId, ...merge.mergedIds] : [],
      };
      events.push({ topic: meetingTopic(meetingId), payload });
    }
  }
  for (const change of PERSON_CHANGES[mutation]?.(write, merge) ?? [])
    events.push({ topic: personTopic(change.personId), payload: { ...change, mutation, actor, at } });
  const added = new Set(write.addedClaimIds ?? []);
  for (const claim of claims.filter((c) => added.has(c.claimId))) {
    events.push({ topic: CLAIMS_TOPIC, payload: { ...claim, personIds: [...new Set(claim.personIds)], mutation, actor, at } });
  }
  return events;
}

type PersonChange = Pick<PersonChanged, "personId" | "change" | "mergedIntoId" | "mergedIds">;

/** Which people a mutation changes, and how. */
const PERSON_CHANGES: Record<string, (write: CommittedWrite, merge: { survivorId: string; mergedIds: string[] } | null) => PersonChange[]> = {
  createPerson: (write) => [personChange(write.id, "CREATED")],
  updatePerson: (write) => [personChange(write.id, "UPDATED")],
  mergePeople: (_write, merge) =>
    merge!.mergedIds.length === 0
      ? []
      : [
          ...merge!.mergedIds.map((id) => ({ ...personChange(id, "MERGED_INTO"), mergedIntoId: merge!.survivorId })),
          { ...personChange(merge!.survivorId, "ABSORBED"), mergedIds: merge!.mergedIds },
        ],
};

const personChange = (personId: string, change: PersonChangeKind): PersonChange => ({ personId, change, mergedIntoId: null, mergedIds: [] });

/**
 * The listener curation reports committed writes to. Each write's events are read as soon as it
 * is reported, beside other writes' reads, so concurrent writes do not wait on each other's reads;
 * they go out one write at a time, in commit order, so a subscriber never sees an older state
 * after a newer one. A failure to read what a write touched (Neo4j gone) or to publish it loses
 * that write's events, with a warning: the write itself has committed.
 */
export function publishCommits(bus: EventBus, db: Neo4jExecutor, logger: Logger): CommitListener & { settled: () => Promise<void> } {
  let tail: Promise<void> = Promise.resolve();
  const lose = (write: CommittedWrite, error: unknown) =>
    logger.warn({ err: error, mutation: write.mutation, id: write.id }, "a committed write's subscription events were not published");
  const listener = (write: CommittedWrite) => {
    // Caught at once: a read that fails while earlier writes' events are still going out is no unhandled rejection.
    const events = eventsOf(write, db).catch((error: unknown) => {
      lose(write, error);
      return [];
    });
    tail = tail.then(async () => {
      try {
        for (const event of await events) await bus.publish(event);
      } catch (error) {
        lose(write, error);
      }
    });
    return tail;
  };
  return Object.assign(listener, { settled: () => tail });
}
