/**
 * The review page's sections: each meeting proposal with what belongs to it (participations,
 * duration, statements, claims), then people and places apart (a meeting's new people are
 * reviewed once, not under each meeting), then what belongs to no meeting.
 */
import type { Proposal } from "./useReview";

export interface MeetingGroup {
  meeting: Proposal;
  members: Proposal[];
}

export interface Sections {
  meetings: MeetingGroup[];
  people: Proposal[];
  places: Proposal[];
  other: Proposal[];
}

export function sectionsOf(proposals: readonly Proposal[]): Sections {
  const meetings = new Map<string, MeetingGroup>();
  for (const proposal of proposals) if (proposal.kind === "MEETING") meetings.set(proposal.id, { meeting: proposal, members: [] });
  const sections: Sections = { meetings: [...meetings.values()], people: [], places: [], other: [] };
  for (const proposal of proposals) {
    if (proposal.kind === "MEETING") continue;
    if (proposal.kind === "PERSON") sections.people.push(proposal);
    else if (proposal.kind === "PLACE") sections.places.push(proposal);
    else (meetings.get(proposal.meeting?.id ?? "")?.members ?? sections.other).push(proposal);
  }
  return sections;
}

/** "3 pending · 2 accepted": how a set of proposals stands. */
export function countByStatus(proposals: readonly Proposal[]): string {
  const counts = new Map<string, number>();
  for (const { status } of proposals) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count} ${statusWords[status] ?? status}`).join(" · ");
}

export const statusWords: Record<string, string> = { PENDING: "pending", ACCEPTED: "accepted", REJECTED: "rejected", ALREADY_KNOWN: "already known" };
