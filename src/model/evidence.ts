/**
 * How each fact is known (docs/graph-model.md, "How each fact is known"): the vocabulary the seed
 * files, the writers, the curation API and the read API share.
 */
import { z } from "zod";

/**
 * STATED: the cited passage says it. INFERRED: a curator concluded it from what sources say (the
 * reasoning is in `note`). CURATOR_SUMMARY: it rests on a summary such as FACTS.md, not on the
 * source's own text (the excerpt then starts with FACTS_MD_PREFIX).
 */
export const EVIDENCE_BASES = ["STATED", "INFERRED", "CURATOR_SUMMARY"] as const;
export type EvidenceBasis = (typeof EVIDENCE_BASES)[number];
export const evidenceBasisSchema = z.enum(EVIDENCE_BASES);

/**
 * How far the source distances itself from what it says. APPROXIMATE: it qualifies a figure
 * ("about", "nearly"); REPORTED, RUMORED, ALLEGED: "reportedly", "rumored", "allegedly".
 */
export const HEDGES = ["NONE", "APPROXIMATE", "REPORTED", "RUMORED", "ALLEGED"] as const;
export type Hedge = (typeof HEDGES)[number];
export const hedgeSchema = z.enum(HEDGES);

/**
 * PREFERRED: what a reader is shown first (exactly one among a meeting's duration claims, at most
 * one per other field). DEPRECATED: believed wrong, still shown, unlike a retracted claim.
 */
export const CLAIM_RANKS = ["PREFERRED", "NORMAL", "DEPRECATED"] as const;
export type ClaimRank = (typeof CLAIM_RANKS)[number];
export const claimRankSchema = z.enum(CLAIM_RANKS);

/** Marks an excerpt that is FACTS.md's summary, not the source's own words. */
export const FACTS_MD_PREFIX = "[FACTS.md] ";

/** What is wrong with an excerpt's basis, or null: a summary is marked as one, an inference explains itself. */
export function evidenceProblem(ref: { basis: EvidenceBasis; note: string | null; excerpt?: string | null }): string | null {
  const summarised = ref.excerpt?.startsWith(FACTS_MD_PREFIX) ?? false;
  if (ref.basis === "INFERRED" && ref.note === null) return "an INFERRED fact needs a note giving the reasoning";
  if (ref.basis === "CURATOR_SUMMARY" && ref.excerpt != null && !summarised) return `a CURATOR_SUMMARY excerpt starts with ${JSON.stringify(FACTS_MD_PREFIX)}`;
  if (ref.basis === "STATED" && summarised)
    return `a STATED excerpt is the source's own words: ${JSON.stringify(FACTS_MD_PREFIX.trim())} marks a summary (use basis CURATOR_SUMMARY)`;
  return null;
}
