/** Claims: every sourced assertion about a meeting, duration claims included, read per meeting or per source. */
import type { Neo4jExecutor } from "../db/executor.js";
import { listsById } from "../graphql/loaders.js";
import type { DurationRecord } from "./duration.js";

export interface ClaimRecord {
  id: string;
  field: string;
  value: string;
  wording: string | null;
  excerpt: string | null;
  sourceId: string;
  meetingId: string;
  preferred: boolean;
  /** Set for duration claims only. */
  duration: DurationRecord | null;
  /** Set once the claim is retracted (src/curation/): it is then left out of the default reads. */
  retractedAt: string | null;
  retractedBy: string | null;
  retractionReason: string | null;
}

/** Projects claim `c`. A claim always has one source and one meeting (the loader writes both edges). */
const CLAIM_FIELDS = `c {
  .id, .field, .value, .wording, .excerpt, .retractedBy, .retractionReason,
  retractedAt: toString(c.retractedAt),
  preferred: coalesce(c.preferred, false),
  sourceId: [(c)-[:FROM]->(source:Source) | source.id][0],
  meetingId: [(owner:Meeting)-[:HAS_CLAIM|HAS_DURATION]->(c) | owner.id][0],
  duration: CASE WHEN c:DurationClaim THEN {
    minutes: c.minutes, minMinutes: c.minMinutes, maxMinutes: c.maxMinutes,
    approximate: coalesce(c.approximate, false), wording: c.wording,
    sourceId: [(c)-[:FROM]->(source:Source) | source.id][0]
  } END
}`;

// Grouped by field so conflicting claims sit side by side; within a field, in the order the curator listed them.
const CLAIM_ORDER = `c.field, toInteger(split(c.id, '-')[-1]), c.id`;

/** A meeting's claims, standing (`retracted` false) or retracted. */
const claimsByMeeting = (retracted: boolean) => `
UNWIND $ids AS id
MATCH (:Meeting {id: id})-[:HAS_CLAIM|HAS_DURATION]->(c:Claim)
WHERE (c.retractedAt IS NOT NULL) = ${retracted}
WITH id, c ORDER BY ${CLAIM_ORDER}
RETURN id, collect(${CLAIM_FIELDS}) AS items`;

const CLAIMS_BY_SOURCE = `
UNWIND $ids AS id
MATCH (m:Meeting)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim)-[:FROM]->(:Source {id: id})
WHERE c.retractedAt IS NULL
WITH id, c ORDER BY m.dateStart, m.id, ${CLAIM_ORDER}
RETURN id, collect(${CLAIM_FIELDS}) AS items`;

export function createClaimLoaders(db: Neo4jExecutor) {
  return {
    claimsByMeeting: listsById<ClaimRecord>(db, "claims.byMeeting", claimsByMeeting(false)),
    retractedClaimsByMeeting: listsById<ClaimRecord>(db, "claims.retractedByMeeting", claimsByMeeting(true)),
    claimsBySource: listsById<ClaimRecord>(db, "claims.bySource", CLAIMS_BY_SOURCE),
  };
}
