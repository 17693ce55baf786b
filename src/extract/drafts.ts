/** Building drafts: the excerpt always cut from the article's text at the draft's offsets. */
import type { ProposalDraft } from "../model/proposal.js";
import type { Span } from "./text.js";

export type DraftFields = Omit<ProposalDraft, "excerpt" | "start" | "end" | "dependsOn" | "meetingKey" | "basis" | "note"> &
  Partial<Pick<ProposalDraft, "dependsOn" | "meetingKey">> & { note?: string | null };

export function draft(text: string, span: Span, fields: DraftFields): ProposalDraft {
  const { note, ...rest } = fields;
  return {
    dependsOn: [],
    meetingKey: null,
    ...rest,
    excerpt: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    basis: note ? "INFERRED" : "STATED",
    ...(note ? { note } : {}),
  };
}

/** What a draft's new node depends on: the keys of the new nodes among its references. */
export const newKeys = (...refs: ({ key: string } | { id: string } | null | undefined)[]) => refs.flatMap((r) => (r && "key" in r ? [r.key] : []));
