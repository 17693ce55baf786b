/**
 * The bus's topics and what their events carry (as JSON: ids, never records, so a subscriber
 * reads the objects after the commit with its own permissions). Adding a subscription is a topic
 * here, a line in src/events/changes.ts for the mutations that publish it, and a resolver in
 * src/subscriptions/resolvers.ts.
 */
import type { MeetingChangeKind, PersonChangeKind, ProposalChangeKind } from "../__generated__/resolvers.js";

export type { MeetingChangeKind, PersonChangeKind, ProposalChangeKind };

/** What every event says about the write behind it. (Types, not interfaces: they must be assignable to Json.) */
type WriteFacts = {
  mutation: string;
  actor: string;
  /** ISO date-time of publication. */
  at: string;
};

export type MeetingChanged = WriteFacts & {
  meetingId: string;
  change: MeetingChangeKind;
  claimIds: string[];
  statementIds: string[];
  personIds: string[];
};

export type PersonChanged = WriteFacts & {
  personId: string;
  change: PersonChangeKind;
  mergedIntoId: string | null;
  mergedIds: string[];
};

export type ClaimAdded = WriteFacts & {
  claimId: string;
  meetingId: string;
  field: string;
  sourceId: string;
  /** The meeting's participants and the claimant: what ClaimFilter.personId matches. */
  personIds: string[];
};

export type ProposalsChanged = WriteFacts & {
  sourceId: string;
  change: ProposalChangeKind;
  proposalIds: string[];
};

export const meetingTopic = (id: string) => `meeting:${id}`;
export const personTopic = (id: string) => `person:${id}`;
/** Every new claim: few enough that filtering them per subscriber costs less than a topic per filter. */
export const CLAIMS_TOPIC = "claims";
/** Every change to proposals, filtered per subscriber by article: reviews are few. */
export const PROPOSALS_TOPIC = "proposals";
