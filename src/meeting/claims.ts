/** Claims: every sourced assertion about a meeting, duration claims included, read per meeting or per source. */
import type { Neo4jExecutor } from "../db/executor.js";
import { listsOfCypher } from "../db/connections.js";
import { listsById } from "../db/loaders.js";
import { CLAIM_FIELDS, CLAIM_ORDER, claimsOfMeeting, type ClaimRecord } from "./claimFields.js";
import { createConflictContextLoaders, createConflictsLoader } from "./conflicts.js";

export type { ClaimRecord };

const CLAIMS_BY_SOURCE = `
UNWIND $ids AS id
MATCH (m:Meeting)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim)-[:FROM]->(:Source {id: id})
WHERE c.retractedAt IS NULL
WITH id, c ORDER BY m.dateStart, m.id, ${CLAIM_ORDER}
RETURN id, collect(${CLAIM_FIELDS}) AS items`;

const claimsByMeeting = (retracted: boolean) => listsOfCypher("m", "Meeting", claimsOfMeeting(retracted));

export function createClaimLoaders(db: Neo4jExecutor) {
  const standing = listsById<ClaimRecord>(db, "claims.byMeeting", claimsByMeeting(false));
  const context = createConflictContextLoaders(db);
  return {
    claimsByMeeting: standing,
    conflictPlaceChains: context.placeChains,
    conflictEarlierMeetings: context.earlierMeetings,
    // Judged from the same claims a request reads for `Meeting.claims`.
    meetingConflicts: createConflictsLoader(standing, context),
    retractedClaimsByMeeting: listsById<ClaimRecord>(db, "claims.retractedByMeeting", claimsByMeeting(true)),
    claimsBySource: listsById<ClaimRecord>(db, "claims.bySource", CLAIMS_BY_SOURCE),
  };
}
