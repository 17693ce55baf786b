/** Ranking a claim: which of a field's claims a reader is shown first, and which are believed wrong. */
import { z } from "zod";
import type { RankClaimInput } from "../__generated__/resolvers.js";
import type { Context } from "../context.js";
import { claimSchema } from "../model/entries.js";
import { claimRankSchema } from "../model/evidence.js";
import { INPUT } from "./input.js";
import { meetingOfClaim, REFRESH_DURATION } from "./meeting.js";
import { curate, lockKey, locking } from "./transaction.js";
import { parsed, UserErrors } from "./userErrors.js";

const rankSchema = z
  .strictObject({ claimId: z.string().trim().min(1, { error: "must not be empty" }), rank: claimRankSchema, reason: claimSchema.shape.rankReason })
  .superRefine((input, ctx) => {
    if (input.rank === "DEPRECATED" && input.reason === null) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        params: { code: "MISSING_REASON" },
        message: "a DEPRECATED claim needs a reason saying why it is believed wrong",
      });
    }
  });

// A preferred claim takes the place of the field's previous one; the meeting's duration copy is refreshed after.
const RANK_CLAIM = `
MATCH (m:Meeting)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim {id: $claimId})
WHERE c.retractedAt IS NULL
CALL (m, c) {
  MATCH (m)-[:HAS_CLAIM|HAS_DURATION]->(other:Claim)
  WHERE $rank = "PREFERRED" AND other <> c AND other.field = c.field AND other.rank = "PREFERRED"
  SET other.rank = "NORMAL", other.preferred = false
}
SET c.rank = $rank, c.preferred = ($rank = "PREFERRED"), c.rankReason = $reason
RETURN m.id AS meetingId`;

const RANK_OF = `MATCH (c:Claim {id: $claimId}) RETURN c.rank AS rank`;

export const rankClaim = (ctx: Context, input: RankClaimInput) =>
  curate(ctx, "rankClaim", input, {
    check: () => parsed(rankSchema, { ...input, reason: input.reason ?? null }, INPUT),
    locks: ({ claimId }) => [lockKey("Meeting", meetingOfClaim(claimId))],
    work: async (tx, { claimId, rank, reason }) => {
      const [row] = await locking(tx)<{ meetingId: string }>(RANK_CLAIM, { claimId, rank, reason });
      if (!row)
        throw new UserErrors([
          { field: [...INPUT, "claimId"], code: "NOT_FOUND", message: `no standing claim ${JSON.stringify(claimId)} (retracted claims keep their rank)` },
        ]);
      await tx.run(REFRESH_DURATION, { id: row.meetingId });
      // A meeting's standing durations keep exactly one preferred claim, so the refresh may overrule the new rank.
      const [after] = await tx.run<{ rank: string }>(RANK_OF, { claimId });
      if (after?.rank !== rank) {
        throw new UserErrors([
          {
            field: [...INPUT, "rank"],
            code: "CONFLICT",
            message: `${JSON.stringify(claimId)} is the meeting's only standing duration claim, which stays preferred; add or prefer another duration claim first`,
          },
        ]);
      }
      return { id: claimId, entityIds: [claimId, row.meetingId] };
    },
  });
