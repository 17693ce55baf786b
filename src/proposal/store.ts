/**
 * Proposals as the graph keeps them: a (:Proposal) node per draft, PROPOSED_FROM its article's
 * (:Source), holding the draft whole (as JSON) beside the fields the review page filters and sorts by.
 */
import { createHash } from "node:crypto";
import type { Neo4jExecutor, RunStatement } from "../db/executor.js";
import { byIdCypher, connectionLoader } from "../db/connections.js";
import { nodesById } from "../db/loaders.js";
import type { Connection, Edge } from "../db/pagination.js";
import type { ProposalDraft, ProposalKind, ProposalStatus, Ref } from "../model/proposal.js";

/** A proposal as the resolvers get it; `draft` is what the extraction proposed, before any edit. */
export interface ProposalRecord {
  id: string;
  sourceId: string;
  status: ProposalStatus;
  draft: ProposalDraft;
  decidedBy: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  edits: string | null;
  became: string | null;
}
export type ProposalConnectionRecord = Connection<ProposalRecord>;
export type ProposalEdgeRecord = Edge<ProposalRecord>;

/** A reference in a draft, with the article it was made in (a key names another draft of that article). */
export interface RefRecord {
  sourceId: string;
  ref: Ref;
}

export interface IngestedSourceRecord {
  sourceId: string;
  pending: number;
  accepted: number;
  rejected: number;
  alreadyKnown: number;
}
export type IngestedSourceConnectionRecord = Connection<IngestedSourceRecord>;
export type IngestedSourceEdgeRecord = Edge<IngestedSourceRecord>;

/**
 * A proposal's id: its source's and a hash of its draft's key, so the same article text gives the
 * same ids, and a test source's proposals share its id prefix.
 */
export const proposalId = (sourceId: string, key: string) => `${sourceId}#proposal-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;

/** What an ALREADY_KNOWN proposal is known as: the fact the graph holds. */
const knownAs = (draft: ProposalDraft) => (draft.known?.fromThisSource ? draft.known.id : null);

// A proposal stored again keeps everything (its status, who decided it): ingesting the same text changes nothing.
const STORE_PROPOSALS = `
MATCH (s:Source {id: $sourceId})
UNWIND $rows AS row
MERGE (p:Proposal {id: row.id})
ON CREATE SET p += row.props, p.createdAt = datetime()
MERGE (p)-[:PROPOSED_FROM]->(s)`;

/** Stores the drafts of one article as proposals (new ones PENDING, or ALREADY_KNOWN when the graph holds the fact from this source). */
export async function storeProposals(run: RunStatement, sourceId: string, drafts: ProposalDraft[]): Promise<string[]> {
  const rows = drafts.map((draft) => ({
    id: proposalId(sourceId, draft.key),
    props: {
      key: draft.key,
      kind: draft.kind,
      status: knownAs(draft) === null ? "PENDING" : "ALREADY_KNOWN",
      became: knownAs(draft),
      // Beside the draft, for the invariant that checks each excerpt against the stored text (src/db/invariants.ts).
      start: draft.start,
      end: draft.end,
      excerpt: draft.excerpt,
      meetingKey: draft.meetingKey,
      draft: JSON.stringify(draft),
    },
  }));
  await run(STORE_PROPOSALS, { sourceId, rows });
  return rows.map((r) => r.id);
}

const PROPOSAL_FIELDS = `p {.id, .status, .draft, .decidedBy, .rejectionReason, .edits, .became,
  sourceId: [(p)-[:PROPOSED_FROM]->(s:Source) | s.id][0], decidedAt: toString(p.decidedAt)}`;

interface StoredRow extends Omit<ProposalRecord, "draft"> {
  draft: string;
}
const record = (row: StoredRow): ProposalRecord => ({ ...row, draft: JSON.parse(row.draft) as ProposalDraft });

/** Proposals by id, inside a transaction (for the mutations) or a read. */
const PROPOSALS_BY_ID = `
UNWIND $ids AS id
MATCH (p:Proposal {id: id})
RETURN ${PROPOSAL_FIELDS} AS node`;

export async function readProposals(run: RunStatement, ids: string[]): Promise<Map<string, ProposalRecord>> {
  const rows = (await run(PROPOSALS_BY_ID, { ids })) as { node: StoredRow }[];
  return new Map(rows.map(({ node }) => [node.id, record(node)]));
}

/** What `proposals` filters on. */
interface ProposalFilter {
  sourceId?: string;
  statuses?: ProposalStatus[];
  kinds?: ProposalKind[];
  meetingProposalId?: string;
}

const PROPOSAL_MATCH = `
MATCH (p:Proposal)-[:PROPOSED_FROM]->(s:Source)
WHERE (f.sourceId IS NULL OR s.id = f.sourceId)
  AND (f.statuses IS NULL OR p.status IN f.statuses)
  AND (f.kinds IS NULL OR p.kind IN f.kinds)
  AND (f.meetingProposalId IS NULL OR f.meetingProposalId = p.id
       OR EXISTS { MATCH (m:Proposal {id: f.meetingProposalId})-[:PROPOSED_FROM]->(s) WHERE m.key = p.meetingKey })`;

const INGESTED_MATCH = `
MATCH (s:Source) WHERE EXISTS { (:Proposal)-[:PROPOSED_FROM]->(s) }
CALL (s) {
  MATCH (p:Proposal)-[:PROPOSED_FROM]->(s)
  RETURN sum(CASE p.status WHEN 'PENDING' THEN 1 ELSE 0 END) AS pending, sum(CASE p.status WHEN 'ACCEPTED' THEN 1 ELSE 0 END) AS accepted,
         sum(CASE p.status WHEN 'REJECTED' THEN 1 ELSE 0 END) AS rejected, sum(CASE p.status WHEN 'ALREADY_KNOWN' THEN 1 ELSE 0 END) AS alreadyKnown
}
WITH s, {sourceId: s.id, pending: pending, accepted: accepted, rejected: rejected, alreadyKnown: alreadyKnown} AS counts`;

const SOURCE_TEXTS = `
UNWIND $ids AS id
MATCH (s:Source {id: id}) WHERE s.text IS NOT NULL
RETURN {id: s.id, text: s.text} AS node`;

/** A subquery answering `proposals`, proposals `$ids` as proposalById reads them: for a write's last statement to read its answer. */
export const PROPOSALS_ANSWER = `
CALL () {
  UNWIND $ids AS id
  MATCH (p:Proposal {id: id})
  RETURN collect(${PROPOSAL_FIELDS}) AS proposals
}`;

/** A proposal as PROPOSALS_ANSWER reads it, for proposalById's `prime`. */
export type StoredProposal = StoredRow;

export function createProposalLoaders(db: Neo4jExecutor) {
  const proposalById = nodesById<StoredRow>(db, "proposals.byId", byIdCypher("p", "Proposal", PROPOSAL_FIELDS));
  return {
    proposalById: {
      load: async (id: string) => ((row) => (row ? record(row) : null))(await proposalById.load(id)),
      prime: (row: StoredProposal) => proposalById.prime(row.id, row),
    },
    proposalPages: connectionLoader<ProposalFilter, StoredRow>(db, "proposals", {
      node: "p",
      match: PROPOSAL_MATCH,
      order: [{ by: "[(p)-[:PROPOSED_FROM]->(x:Source) | x.id][0]" }, { by: "p.start" }, { by: "p.id" }],
      fields: PROPOSAL_FIELDS,
    }),
    ingestedSourcePages: connectionLoader<Record<string, never>, IngestedSourceRecord>(db, "ingestedSources", {
      node: "counts",
      match: INGESTED_MATCH,
      order: [{ by: "counts.pending", descending: true }, { by: "counts.sourceId" }],
      fields: "counts",
    }),
    sourceText: nodesById<{ id: string; text: string }>(db, "sources.text", SOURCE_TEXTS),
  };
}

const PROPOSALS_OF_SOURCE = `
MATCH (p:Proposal)-[:PROPOSED_FROM]->(:Source {id: $sourceId})
WITH p ORDER BY p.start, p.id
RETURN ${PROPOSAL_FIELDS} AS node`;

/** Every proposal from one article, in the order of their excerpts. */
export async function proposalsOfSource(db: Neo4jExecutor, sourceId: string): Promise<ProposalRecord[]> {
  return (await db.read<{ node: StoredRow }>("proposals.ofSource", PROPOSALS_OF_SOURCE, { sourceId })).map(({ node }) => record(node));
}

/** A page of stored proposal rows as records. */
export const proposalConnection = (page: Connection<StoredRow>): ProposalConnectionRecord => ({
  ...page,
  edges: page.edges.map((e) => ({ ...e, node: record(e.node) })),
});
