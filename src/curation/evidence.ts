/**
 * How the sourced facts a mutation rewrites are known. A mutation reads the stored state through
 * the read API's lists and writes it back whole; the basis and note of each source reference are
 * read here, so rewriting a meeting or a person keeps them.
 */
import type { EvidenceBasis } from "../model/evidence.js";

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
