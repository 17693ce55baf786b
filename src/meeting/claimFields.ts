/**
 * What a claim is as the API reads it, apart from the loaders (src/meeting/claims.ts), so the
 * conflict loaders that read claims too (src/meeting/conflicts.ts) can share the projection.
 */
import type { ClaimRank, EvidenceBasis, Hedge } from "../__generated__/resolvers.js";
import { DURATION_CLAIM_FIGURES, type DurationRecord } from "./duration.js";

export interface ClaimRecord {
  id: string;
  field: string;
  value: string;
  wording: string | null;
  excerpt: string | null;
  basis: EvidenceBasis;
  note: string | null;
  hedge: Hedge;
  rank: ClaimRank;
  rankReason: string | null;
  sourceId: string;
  /** The speaker of the statement the claim relays, read through the statement so a merge of people needs no new edge. */
  claimantId: string | null;
  meetingId: string;
  preferred: boolean;
  /** Set for duration claims only. */
  duration: DurationRecord | null;
  /** Set once the claim is retracted (src/curation/): it is then left out of the default reads. */
  retractedAt: string | null;
  retractedBy: string | null;
  retractionReason: string | null;
}

/**
 * Projects claim `c`. A claim always has one source and one meeting (the loader writes both
 * edges). Properties a database written before issue 19 lacks read as what its data meant.
 */
export const CLAIM_FIELDS = `c {
  .id, .field, .value, .wording, .excerpt, .note, .rankReason, .retractedBy, .retractionReason,
  retractedAt: toString(c.retractedAt),
  basis: coalesce(c.basis, 'STATED'),
  hedge: coalesce(c.hedge, 'NONE'),
  rank: coalesce(c.rank, CASE WHEN c.preferred THEN 'PREFERRED' ELSE 'NORMAL' END),
  preferred: coalesce(c.preferred, false),
  sourceId: [(c)-[:FROM]->(source:Source) | source.id][0],
  claimantId: [(c)-[:RELAYS]->(:Statement)<-[:SAID]-(claimant:Person) | claimant.id][0],
  meetingId: [(owner:Meeting)-[:HAS_CLAIM|HAS_DURATION]->(c) | owner.id][0],
  duration: CASE WHEN c:DurationClaim THEN {
    ${DURATION_CLAIM_FIGURES}, wording: c.wording,
    sourceId: [(c)-[:FROM]->(source:Source) | source.id][0]
  } END
}`;

// Grouped by field so conflicting claims sit side by side; within a field, in the order the curator listed them.
export const CLAIM_ORDER = `c.field, toInteger(split(c.id, '-')[-1]), c.id`;

/** The claims of meeting `m`, standing (`retracted` false) or retracted. */
export const claimsOfMeeting = (retracted: boolean) => `COLLECT {
  MATCH (m)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim)
  WHERE (c.retractedAt IS NOT NULL) = ${retracted}
  WITH c ORDER BY ${CLAIM_ORDER}
  RETURN ${CLAIM_FIELDS}
}`;
