/**
 * How the sourced facts an edit rewrites are known. updateMeeting and updatePerson read the stored
 * state through the read API's lists and write it back whole; the basis and note of each source
 * reference are read here, so rewriting a meeting or a person keeps them.
 */
import { evidenceProblem, type EvidenceBasis } from "../model/evidence.js";
import { INPUT } from "./input.js";
import type { Problems } from "./userErrors.js";

/** One stored source reference's evidence, keyed by where it sits (e.g. ["role", roleId, sourceId]). */
export interface StoredEvidence {
  key: string[];
  basis: string | null;
  note: string | null;
}

/** The evidence by key; an edge list's "" (no note) reads as null, and a graph from before the model as STATED. */
export function evidenceByKey(rows: StoredEvidence[]): Map<string, { basis: EvidenceBasis; note: string | null }> {
  return new Map(rows.map((r) => [JSON.stringify(r.key), { basis: (r.basis ?? "STATED") as EvidenceBasis, note: r.note === "" ? null : r.note }]));
}

/** A source reference in the seed files' shape, whatever else the read record carries. */
export const sourceRef = <S extends { sourceId: string; excerpt: string | null }>(s: S) => ({ sourceId: s.sourceId, excerpt: s.excerpt });

/**
 * The evidence rules of the seed validator (src/model/evidence.ts), applied to every sourced fact in
 * a mutation's input: any object with a `sourceId` (source references, claims, durations, wordings,
 * time estimates). Read from the input as given, so each problem's field is where the client put it.
 */
export function evidenceProblems(input: unknown, problems: Problems, field: (string | number)[] = INPUT): void {
  if (Array.isArray(input)) {
    input.forEach((item, i) => evidenceProblems(item, problems, [...field, i]));
    return;
  }
  if (input === null || typeof input !== "object") return;
  const fact = input as Record<string, unknown>;
  if (typeof fact.sourceId === "string") {
    const basis = (fact.basis ?? "STATED") as EvidenceBasis;
    const problem = evidenceProblem({ basis, note: (fact.note as string | null | undefined) ?? null, excerpt: fact.excerpt as string | null | undefined });
    if (problem !== null) problems.add([...field, basis === "INFERRED" ? "note" : "excerpt"], "INVALID_BASIS", problem);
    if (fact.rank === "DEPRECATED" && !(typeof fact.rankReason === "string" && fact.rankReason.trim() !== "")) {
      problems.add([...field, "rankReason"], "MISSING_REASON", "a DEPRECATED claim needs a rankReason saying why it is believed wrong");
    }
  }
  for (const [key, value] of Object.entries(fact)) evidenceProblems(value, problems, [...field, key]);
}
