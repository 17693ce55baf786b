/** Claims: every sourced assertion about a meeting, duration claims included, read per meeting or per source. */
import type { Neo4jExecutor } from "../db/executor.js";
import { listsById } from "../db/loaders.js";
import { CLAIM_FIELDS, CLAIM_ORDER, type ClaimRecord } from "./claimFields.js";
import { createConflictsLoader } from "./conflicts.js";

export type { ClaimRecord };

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
  const standing = listsById<ClaimRecord>(db, "claims.byMeeting", claimsByMeeting(false));
  return {
    claimsByMeeting: standing,
    // Judged from the same claims a request reads for `Meeting.claims`.
    meetingConflicts: createConflictsLoader(db, standing),
    retractedClaimsByMeeting: listsById<ClaimRecord>(db, "claims.retractedByMeeting", claimsByMeeting(true)),
    claimsBySource: listsById<ClaimRecord>(db, "claims.bySource", CLAIMS_BY_SOURCE),
  };
}
