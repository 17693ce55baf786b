/**
 * What article ingest proposes (issue 20): the drafts the extractor (src/extract/) produces from
 * an article's text, which src/proposal/ stores as Proposal nodes for a curator to accept, edit or
 * reject. A draft refers to the graph's nodes by id, and to other drafts of the same article by key,
 * so that accepting a meeting can first accept its new participants and its new place.
 */
import type { DurationBound } from "./duration.js";
import type { EvidenceBasis, Hedge } from "./evidence.js";

export const PROPOSAL_KINDS = ["PERSON", "PLACE", "MEETING", "PARTICIPATION", "DURATION", "STATEMENT", "CLAIM", "ROLE", "RELATION"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const PROPOSAL_STATUSES = ["PENDING", "ACCEPTED", "REJECTED", "ALREADY_KNOWN"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A node the graph already holds (`id`), or one another draft of the same article proposes (`key`). */
export type Ref = { id: string } | { key: string };

/** The article as ingest receives it; `text` is what is stored, and every offset points into it. */
export interface Article {
  text: string;
  title?: string | null;
  url?: string | null;
  publisher?: string | null;
  /** YYYY-MM-DD; relative dates in the text ("on Tuesday") are read against it. */
  publishedOn?: string | null;
  /** The Source this article is stored as, when it is already in the graph: facts from it are ALREADY_KNOWN. */
  sourceId?: string | null;
}

export interface ProposalDraft {
  /** Stable for the same article text: ingesting it again yields the same keys (idempotence). */
  key: string;
  kind: ProposalKind;
  /** One line for a curator: "Steve Witkoff met Vladimir Putin in Moscow on 2025-08-06". */
  summary: string;
  /** `article.text.slice(start, end) === excerpt`, always. */
  excerpt: string;
  start: number;
  end: number;
  /** STATED when the excerpt says it; INFERRED (with `note`) when resolved by reasoning, e.g. a relative date or a role. */
  basis: Extract<EvidenceBasis, "STATED" | "INFERRED">;
  note?: string;
  /** 0..1, with the pattern or match that produced it in `reason`. */
  confidence: number;
  reason: string;
  /** Keys of drafts that must be accepted first. */
  dependsOn: string[];
  /** The key of the MEETING draft this belongs to, for grouping on the review page; null for people and places mentioned outside a meeting. */
  meetingKey: string | null;
  /** Set when the graph already holds this fact: from this source (the proposal is ALREADY_KNOWN), or from others only (PENDING: accepting adds this source to it). */
  known?: { id: string; fromThisSource: boolean; how: string } | null;
  /** Set when the graph holds a different value for the same thing (a contradiction to show beside it). */
  contradicts?: { id: string; how: string } | null;

  person?: { existingId?: string; id: string; name: string; aliases?: string[]; description?: string; countryIds?: string[] };
  place?: { existingId?: string; id: string; name: string; kind: string; within?: Ref | null };
  meeting?: { existingId?: string; id: string; kind: string; title: string; date: string; dateEnd?: string | null; place?: Ref | null; participants: Ref[] };
  participation?: { meeting: Ref; person: Ref; role?: string | null };
  duration?: {
    meeting: Ref;
    wording: string;
    figureMinutes: number | null;
    granularityMinutes: number | null;
    bound: DurationBound | null;
    minMinutes: number | null;
    maxMinutes: number | null;
    hedge: Hedge;
  };
  statement?: {
    existingId?: string;
    id: string;
    speaker: Ref;
    text: string;
    kind: "QUOTE" | "PARAPHRASE";
    saidOn?: string | null;
    occasion?: string | null;
    meeting?: Ref | null;
  };
  claim?: { meeting: Ref; field: string; value: string; wording?: string | null; hedge: Hedge };
  role?: { person: Ref; id: string; title: string; organizationId?: string | null; countryId?: string | null };
  relation?: { from: Ref; to: Ref; kind: string };
}
