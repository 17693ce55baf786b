/**
 * How extraction is scored (npm run ingest:eval): an article's drafts against what a curator
 * holds true for it, per kind, with every miss and every false proposal named.
 */
import type { ProposalDraft } from "../model/proposal.js";
import { sameStatement } from "./statements.js";
import { normalize, words } from "./text.js";

export interface Expected {
  /** `date` YYYY-MM-DD or YYYY-MM; `dateEnd` the last day it may have touched (past midnight). Participant ids as the graph has them, or the slug of a new person. */
  meetings: { date: string; dateEnd?: string | null; participants: string[] }[];
  durations: { meetingDate: string; wording: string }[];
  /** `saidOn` and `occasion` where the curated statement has them (the occasion in the curator's words). */
  quotes: { speaker: string; text: string; saidOn?: string | null; occasion?: string | null }[];
  /** People the article gives a role. */
  roles: { person: string }[];
}

export const SCORED_KINDS = [
  "meetings with participants",
  "participations",
  "durations with wording",
  "direct quotes with speaker",
  "quote dates",
  "quote occasions",
  "roles",
] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];

export interface KindScore {
  hits: number;
  proposed: number;
  expected: number;
  misses: string[];
  falseProposals: string[];
}

export type Score = Record<ScoredKind, KindScore>;

export const precision = (s: KindScore) => (s.proposed === 0 ? 1 : s.hits / s.proposed);
export const recall = (s: KindScore) => (s.expected === 0 ? 1 : s.hits / s.expected);

const idOf = (ref: { id: string } | { key: string }, drafts: readonly ProposalDraft[]) =>
  "id" in ref ? ref.id : (drafts.find((d) => d.key === ref.key)?.person?.id ?? drafts.find((d) => d.key === ref.key)?.meeting?.id ?? ref.key);

/** Whether a draft's date falls in the expected meeting's days: the same month, or a day from its date to its last day. */
function sameDays(draftDate: string, e: Expected["meetings"][number]): boolean {
  if (draftDate.length === 7 || e.date.length === 7) return draftDate.slice(0, 7) === e.date.slice(0, 7);
  return draftDate >= e.date && draftDate <= (e.dateEnd ?? e.date);
}

/** One date within the other's period: "2025-12-03" is in "2025-12", and the same day is the same day. */
const sameDate = (a: string, b: string) => a.slice(0, Math.min(a.length, b.length)) === b.slice(0, Math.min(a.length, b.length));

const FUNCTION_WORDS = new Set([
  "a",
  "an",
  "the",
  "to",
  "at",
  "in",
  "on",
  "of",
  "after",
  "before",
  "from",
  "with",
  "for",
  "his",
  "her",
  "their",
  "and",
  "during",
  "following",
]);
/** The curator words an occasion their own way ("briefing to reporters after the Kremlin talks"): it is the same when they share a content word. */
const sameOccasion = (a: string, b: string) => {
  const theirs = new Set(words(b));
  return words(a).some((w) => !FUNCTION_WORDS.has(w) && theirs.has(w));
};

const describeMeeting = (e: Expected["meetings"][number]) => `${e.date} (${e.participants.join(", ")})`;

export function score(drafts: readonly ProposalDraft[], expected: Expected): Score {
  const meetingDrafts = drafts.filter((d) => d.kind === "MEETING" && d.meeting && d.meeting.participants.length > 0);
  const participantsOf = (d: ProposalDraft) => d.meeting!.participants.map((p) => idOf(p, drafts));
  // Each draft meeting stands for the expected meeting on its days with which it shares the most people.
  const matchOf = new Map<string, Expected["meetings"][number]>();
  const taken = new Set<Expected["meetings"][number]>();
  for (const d of meetingDrafts) {
    const people = participantsOf(d);
    const best = expected.meetings
      .filter((e) => !taken.has(e) && sameDays(d.meeting!.date, e))
      .map((e) => ({ e, shared: e.participants.filter((p) => people.includes(p)).length }))
      .filter((x) => x.shared > 0)
      .sort((a, b) => b.shared - a.shared)[0];
    if (best) {
      matchOf.set(d.key, best.e);
      taken.add(best.e);
    }
  }

  const meetings: KindScore = { hits: 0, proposed: meetingDrafts.length, expected: expected.meetings.length, misses: [], falseProposals: [] };
  const matchedExactly = new Set<Expected["meetings"][number]>();
  for (const d of meetingDrafts) {
    const e = matchOf.get(d.key);
    const people = participantsOf(d);
    if (e && e.participants.length === people.length && e.participants.every((p) => people.includes(p))) {
      meetings.hits++;
      matchedExactly.add(e);
    } else meetings.falseProposals.push(`${d.meeting!.date} (${people.join(", ")})${e ? `: expected ${e.participants.join(", ")}` : ""}`);
  }
  meetings.misses = expected.meetings.filter((e) => !matchedExactly.has(e)).map(describeMeeting);

  const participationDrafts = drafts.filter((d) => d.kind === "PARTICIPATION" && d.participation && "key" in d.participation.meeting);
  const participations: KindScore = {
    hits: 0,
    proposed: participationDrafts.length,
    expected: expected.meetings.reduce((n, e) => n + e.participants.length, 0),
    misses: [],
    falseProposals: [],
  };
  const found = new Set<string>();
  for (const d of participationDrafts) {
    const meetingKey = (d.participation!.meeting as { key: string }).key;
    const e = matchOf.get(meetingKey);
    const person = idOf(d.participation!.person, drafts);
    if (e?.participants.includes(person)) {
      participations.hits++;
      found.add(`${describeMeeting(e)}|${person}`);
    } else participations.falseProposals.push(`${person} at ${drafts.find((m) => m.key === meetingKey)?.meeting?.date ?? meetingKey}`);
  }
  participations.misses = expected.meetings.flatMap((e) =>
    e.participants.filter((p) => !found.has(`${describeMeeting(e)}|${p}`)).map((p) => `${p} at ${e.date}`),
  );

  const durationDrafts = drafts.filter((d) => d.kind === "DURATION" && d.duration);
  const durations: KindScore = { hits: 0, proposed: durationDrafts.length, expected: expected.durations.length, misses: [], falseProposals: [] };
  const durationsFound = new Set<Expected["durations"][number]>();
  for (const d of durationDrafts) {
    const meeting = drafts.find((m) => "key" in d.duration!.meeting && m.key === d.duration!.meeting.key);
    const e = meeting ? matchOf.get(meeting.key) : undefined;
    const hit = expected.durations.find(
      (x) => !durationsFound.has(x) && e && x.meetingDate === e.date && normalize(x.wording) === normalize(d.duration!.wording),
    );
    if (hit) {
      durations.hits++;
      durationsFound.add(hit);
    } else durations.falseProposals.push(`"${d.duration!.wording}" on ${meeting?.meeting?.date ?? "?"}`);
  }
  durations.misses = expected.durations.filter((x) => !durationsFound.has(x)).map((x) => `"${x.wording}" on ${x.meetingDate}`);

  const quoteDrafts = drafts.filter((d) => d.kind === "STATEMENT" && d.statement?.kind === "QUOTE");
  const quotes: KindScore = { hits: 0, proposed: quoteDrafts.length, expected: expected.quotes.length, misses: [], falseProposals: [] };
  const quotesFound = new Map<Expected["quotes"][number], ProposalDraft>();
  for (const d of quoteDrafts) {
    const speaker = idOf(d.statement!.speaker, drafts);
    const hit = expected.quotes.find((q) => !quotesFound.has(q) && q.speaker === speaker && sameStatement(q.text, d.statement!.text));
    if (hit) {
      quotes.hits++;
      quotesFound.set(hit, d);
    } else quotes.falseProposals.push(`${speaker}: "${d.statement!.text.slice(0, 70)}"`);
  }
  const describeQuote = (q: Expected["quotes"][number]) => `${q.speaker}: "${q.text.slice(0, 70)}"`;
  quotes.misses = expected.quotes.filter((q) => !quotesFound.has(q)).map(describeQuote);

  /** How the quotes' `field` (saidOn or occasion) compares with the curated one, over the quotes found. */
  const quoteDetail = (field: "saidOn" | "occasion", same: (ours: string, theirs: string) => boolean): KindScore => {
    const given = quoteDrafts.filter((d) => d.statement![field]);
    const matched = [...quotesFound.entries()];
    const right = matched.filter(([q, d]) => q[field] && d.statement![field] && same(d.statement![field], q[field]));
    return {
      hits: right.length,
      proposed: given.length,
      expected: expected.quotes.filter((q) => q[field]).length,
      misses: expected.quotes.filter((q) => q[field] && !right.some(([r]) => r === q)).map((q) => `${describeQuote(q)} ${field} ${q[field]}`),
      falseProposals: given
        .filter((d) => !right.some(([, r]) => r === d))
        .map((d) => `${idOf(d.statement!.speaker, drafts)}: "${d.statement!.text.slice(0, 50)}" ${field} ${d.statement![field]}`),
    };
  };

  const rolePeople = [...new Set(drafts.filter((d) => d.kind === "ROLE" && d.role).map((d) => idOf(d.role!.person, drafts)))];
  const expectedRoles = [...new Set(expected.roles.map((r) => r.person))];
  const roles: KindScore = {
    hits: rolePeople.filter((p) => expectedRoles.includes(p)).length,
    proposed: rolePeople.length,
    expected: expectedRoles.length,
    misses: expectedRoles.filter((p) => !rolePeople.includes(p)),
    falseProposals: rolePeople.filter((p) => !expectedRoles.includes(p)),
  };

  return {
    "meetings with participants": meetings,
    participations,
    "durations with wording": durations,
    "direct quotes with speaker": quotes,
    "quote dates": quoteDetail("saidOn", sameDate),
    "quote occasions": quoteDetail("occasion", sameOccasion),
    roles,
  };
}

/** Scores added up over several articles. */
export function total(scores: readonly Score[]): Score {
  const sum = (kind: ScoredKind): KindScore => ({
    hits: scores.reduce((n, s) => n + s[kind].hits, 0),
    proposed: scores.reduce((n, s) => n + s[kind].proposed, 0),
    expected: scores.reduce((n, s) => n + s[kind].expected, 0),
    misses: scores.flatMap((s) => s[kind].misses),
    falseProposals: scores.flatMap((s) => s[kind].falseProposals),
  });
  return Object.fromEntries(SCORED_KINDS.map((k) => [k, sum(k)])) as Score;
}
