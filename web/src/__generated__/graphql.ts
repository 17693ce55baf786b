/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How much the curators trust a claim, against the other claims about the same field. */
export type ClaimRank =
  /** Believed wrong (see `rankReason`) but still shown, unlike a retracted claim. */
  | 'DEPRECATED'
  /** A claim kept beside the preferred one, neither preferred nor believed wrong. */
  | 'NORMAL'
  /** The claim shown first for its field (for durations, the one shown as `Meeting.duration`). */
  | 'PREFERRED';

/** How precisely a date is known. */
export type DatePrecision =
  /** The exact day is known: "2025-12-02". */
  | 'DAY'
  /** Only the month is known: "2025-12". */
  | 'MONTH'
  /** Only the year is known: "2025". */
  | 'YEAR';

/** What a duration figure stands for, from the source's words. */
export type DurationBound =
  /** About the figure ("about five hours", or a bare "five-hour"): half its rounding either side. */
  | 'AROUND'
  /** At least the figure ("over", "more than five hours"), with no upper bound. */
  | 'OVER'
  /** Up to the figure ("nearly", "close to", "just under five hours"): at most the figure, down to half its rounding below. */
  | 'UNDER';

/**
 * How a fact is known from the source it cites. A journalist's first question: does the source say
 * so, or did someone conclude it?
 */
export type EvidenceBasis =
  /** It rests on a curator's summary (FACTS.md) rather than the source's own text; the excerpt is prefixed "[FACTS.md] ". */
  | 'CURATOR_SUMMARY'
  /** A curator concluded it from what the sources say; `note` gives the reasoning. */
  | 'INFERRED'
  /** The cited passage says it: the excerpt is the source's own text, verbatim. */
  | 'STATED';

/** How the source distances itself from what it reports, or qualifies it. */
export type Hedge =
  /** "Allegedly": the source passes on an allegation. */
  | 'ALLEGED'
  /** A qualified figure: "about", "nearly", "close to", "just under". */
  | 'APPROXIMATE'
  /** Stated plainly. */
  | 'NONE'
  /** "Reportedly": the source passes on what others report. */
  | 'REPORTED'
  /** "Rumored": the source passes on a rumour. */
  | 'RUMORED';

/** An article to ingest. Its metadata names the new source; relative dates in the text are read against `publishedOn`. */
export type IngestArticleInput = {
  /** When it was published: relative dates in the text ("on Tuesday") are read against it. */
  publishedOn?: string | null | undefined;
  /** Who published it, as printed. */
  publisher?: string | null | undefined;
  /** An existing source to ingest into (its text must be this text, or it has none yet); otherwise a source is created, its id made of the title, publisher and date. */
  sourceId?: string | null | undefined;
  /** The article as plain text (HTML and Markdown are reduced to text); not blank, at most 200,000 characters. */
  text: string;
  /** The headline. */
  title?: string | null | undefined;
  /** Where it was published (http or https). */
  url?: string | null | undefined;
};

/** What happened to a meeting. */
export type MeetingChangeKind =
  /** attachClaims attached claims or attendance sources. */
  | 'CLAIMS_ATTACHED'
  /** One of its claims was given another rank (claimIds names it). */
  | 'CLAIM_RANKED'
  /** One of its claims was retracted (claimIds names it). */
  | 'CLAIM_RETRACTED'
  /** createMeeting wrote it (new, or described again). */
  | 'CREATED'
  /** One of its participants was merged with another person (personIds: the survivor first, then who was merged into them). */
  | 'PARTICIPANT_MERGED'
  /** Proposals from an ingested article were accepted into it (acceptProposals); claimIds and statementIds name what they wrote. */
  | 'PROPOSALS_ACCEPTED'
  /** A statement made at or about it was added, or given another wording (statementIds names it). */
  | 'STATEMENT_ADDED'
  /** updateMeeting changed its description, participants or claims. */
  | 'UPDATED';

/** Conditions on meetings; all given conditions must hold. Unknown ids match nothing (no error). */
export type MeetingFilter = {
  /** Only meetings held in this country (ISO alpha-2), anywhere within it: "RU" includes the Kremlin. */
  countryId?: string | null | undefined;
  /** Only meetings that may have taken place on or after this date. A partial date means its first day ("2025-03" is 1 March); a meeting known only to the month matches when its month reaches the range. */
  from?: string | null | undefined;
  /** Only meetings whose best duration estimate is at most this many minutes; meetings of unknown duration never match. */
  maxDurationMinutes?: number | null | undefined;
  /** Only meetings whose best duration estimate is at least this many minutes; meetings of unknown duration never match. */
  minDurationMinutes?: number | null | undefined;
  /** Only meetings that all these people attended (at least one id). */
  participantIds?: Array<string> | null | undefined;
  /** Only meetings held at this place or anywhere within it: "moscow" includes the Kremlin. */
  placeId?: string | null | undefined;
  /** Only meetings this source reports (a claim, a duration or an attendance from it). */
  sourceId?: string | null | undefined;
  /** Only meetings that may have taken place on or before this date. A partial date means its last day ("2025-03" is 31 March). */
  to?: string | null | undefined;
  /** Only meetings about this topic, e.g. "territory-donbas". */
  topicId?: string | null | undefined;
};

/** What happened to an article's proposals. */
export type ProposalChangeKind =
  /** acceptProposals accepted them (with the pending ones they depend on). */
  | 'ACCEPTED'
  /** ingestArticle proposed them (ingesting the same text again proposes the same ones again). */
  | 'PROPOSED'
  /** rejectProposals rejected them. */
  | 'REJECTED';

/** A curator's correction of one proposal before it is accepted. Only the fields that apply to its kind may be given; the excerpt stays verbatim. */
export type ProposalEdit = {
  /** MEETING: its date; STATEMENT: when it was said. */
  date?: string | null | undefined;
  /** MEETING: the last day, for a meeting that went on past its date (a whole day after `date`; written as the meeting's `ended` estimate). */
  dateEnd?: string | null | undefined;
  /** PERSON, PLACE, MEETING, STATEMENT: the graph's node it really is; nothing new is created, and accepting adds this source to it. */
  existingId?: string | null | undefined;
  /** The proposal to correct (it must be in `ids`). */
  id: string;
  /** PERSON, PLACE: the name to create it with. */
  name?: string | null | undefined;
  /** Why the correction was made; recorded as the accepted fact's note (its basis becomes INFERRED when a value was corrected). */
  note?: string | null | undefined;
  /** PARTICIPATION, ROLE: the person (an existing person). */
  personId?: string | null | undefined;
  /** MEETING: its place (an existing place). */
  placeId?: string | null | undefined;
  /** STATEMENT: who said it (an existing person). */
  speakerId?: string | null | undefined;
  /** MEETING, ROLE: its title. */
  title?: string | null | undefined;
  /** CLAIM: its value. */
  value?: string | null | undefined;
};

/** What a proposal proposes. */
export type ProposalKind =
  /** Another claim about a meeting (an outcome, a wait, a visit number). */
  | 'CLAIM'
  /** A meeting's duration in the source's words. */
  | 'DURATION'
  /** A meeting: who, where, when. */
  | 'MEETING'
  /** One person's attendance at a meeting. */
  | 'PARTICIPATION'
  /** A person the text mentions (new, or resolved to one the graph holds). */
  | 'PERSON'
  /** A place the text mentions (new, or resolved to one the graph holds). */
  | 'PLACE'
  /** A relation between two people ("his son-in-law"). */
  | 'RELATION'
  /** A role a person holds ("Kremlin foreign policy aide"). */
  | 'ROLE'
  /** A quote or paraphrase with its speaker. */
  | 'STATEMENT';

/** Where a proposal stands. */
export type ProposalStatus =
  /** Accepted: written to the graph (`became` names what it became). */
  | 'ACCEPTED'
  /** The graph already holds this fact from this source; accepting it changes nothing. */
  | 'ALREADY_KNOWN'
  /** Waiting for a curator. */
  | 'PENDING'
  /** Rejected by a curator, with who, when and why; it can no longer be accepted. */
  | 'REJECTED';

/** Which way a relation between two people reads. */
export type RelationDirection =
  /** The other person is `kind` of this person (seen from Trump: Witkoff is his special-envoy-of). */
  | 'INCOMING'
  /** This person is `kind` of the other person (Witkoff is special-envoy-of Trump). */
  | 'OUTGOING';

export type ClaimFieldsFragment = { id: string, field: string, value: string, wording: string | null, excerpt: string | null, basis: EvidenceBasis, note: string | null, hedge: Hedge, rank: ClaimRank, rankReason: string | null, claimant: { id: string, name: string } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null } | null, source: { id: string, publisher: string | null, title: string } };

export type ConflictFieldsFragment = { field: string, compatible: boolean, explanation: string, claims: Array<{ id: string, wording: string | null, value: string, source: { id: string, publisher: string | null, title: string }, meeting: { id: string, title: string } }> };

export type CounterpartFieldsFragment = { meetingCount: number, person: { id: string, name: string }, time: { minutes: number, minMinutes: number, maxMinutes: number | null, knownCount: number, approximateCount: number, unknownCount: number, consensusMinMinutes: number, consensusMaxMinutes: number | null, incompatibleCount: number }, firstMeeting: { id: string, heldOn: string, datePrecision: DatePrecision }, lastMeeting: { id: string, heldOn: string, datePrecision: DatePrecision } };

export type DurationFieldsFragment = { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null };

export type DurationSummaryFieldsFragment = { minutes: number, minMinutes: number, maxMinutes: number | null, knownCount: number, approximateCount: number, unknownCount: number, consensusMinMinutes: number, consensusMaxMinutes: number | null, incompatibleCount: number };

export type SourceReferenceFieldsFragment = { excerpt: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } };

export type TimelineMeetingFieldsFragment = { id: string, title: string, heldOn: string, datePrecision: DatePrecision, place: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null }, participants: Array<{ person: { id: string, name: string } }> };

export type PersonSummaryFieldsFragment = { id: string, name: string, aliases: Array<string>, roles: Array<{ title: string }>, countries: Array<{ id: string, name: string }> };

export type PersonNameQueryVariables = Exact<{
  id: string;
}>;


export type PersonNameQuery = { person: { id: string, name: string } | null };

export type PeopleSearchQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type PeopleSearchQuery = { people: { edges: Array<{ node: { id: string, name: string, aliases: Array<string>, roles: Array<{ title: string }>, countries: Array<{ id: string, name: string }> } }> } };

export type PlaceFieldsFragment = { id: string, name: string, within: { name: string } | null, country: { name: string } | null };

export type PlaceNameQueryVariables = Exact<{
  id: string;
}>;


export type PlaceNameQuery = { place: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null };

export type RelationFieldsFragment = { kind: string, direction: RelationDirection, person: { id: string, name: string }, sources: Array<{ excerpt: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> };

export type RoleFieldsFragment = { id: string, title: string, from: string | null, to: string | null, organization: { name: string } | null, country: { name: string } | null, sources: Array<{ excerpt: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> };

export type SearchEverythingQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
}>;


export type SearchEverythingQuery = { search: Array<
    | { __typename: 'Country', id: string, name: string }
    | { __typename: 'Meeting', id: string, title: string, heldOn: string, datePrecision: DatePrecision, place: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null }
    | { __typename: 'Organization', id: string, name: string, kind: string | null, country: { id: string, name: string } | null }
    | { __typename: 'Person', id: string, name: string, aliases: Array<string>, roles: Array<{ title: string }>, countries: Array<{ id: string, name: string }> }
    | { __typename: 'Place', kind: string | null, id: string, name: string, within: { name: string } | null, country: { name: string } | null }
    | { __typename: 'Statement', id: string, text: string, quoted: boolean, madeOn: string | null, madeOnPrecision: DatePrecision | null, speaker: { id: string, name: string }, meeting: { id: string, title: string } | null }
  > };

export type SourceFieldsFragment = { id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null };

export type StatementFieldsFragment = { id: string, text: string, madeOn: string | null, datePrecision: DatePrecision | null, occasion: string | null, speaker: { id: string, name: string }, meeting: { id: string, title: string } | null, wordings: Array<{ id: string, text: string, quoted: boolean, attributedTo: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> };

export type TimeEstimateFieldsFragment = { earliest: string | null, latest: string | null, wording: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } | null };

export type TimeTogetherQueryVariables = Exact<{
  people: Array<string> | string;
  lead: string;
  filter?: MeetingFilter | null | undefined;
  filtered: boolean;
}>;


export type TimeTogetherQuery = { timeTogether?: { meetingCount: number, time: { minutes: number, minMinutes: number, maxMinutes: number | null, knownCount: number, approximateCount: number, unknownCount: number, consensusMinMinutes: number, consensusMaxMinutes: number | null, incompatibleCount: number } }, person?: { counterparts: Array<{ meetingCount: number, person: { id: string }, time: { minutes: number, minMinutes: number, maxMinutes: number | null, knownCount: number, approximateCount: number, unknownCount: number, consensusMinMinutes: number, consensusMaxMinutes: number | null, incompatibleCount: number } }> } | null };

export type MeetingPageFieldsFragment = { id: string, title: string, kind: string | null, heldOn: string, datePrecision: DatePrecision, outcome: string | null, began: { earliest: string | null, latest: string | null, wording: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } | null } | null, ended: { earliest: string | null, latest: string | null, wording: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } | null } | null, place: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null, source: { id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null } | null }, durationConsensus: { minMinutes: number | null, maxMinutes: number | null, compatible: boolean, claimCount: number } | null, participants: Array<{ role: string | null, person: { id: string, name: string }, delegation: { id: string, name: string } | null, sources: Array<{ excerpt: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> }>, statements: Array<{ id: string, text: string, madeOn: string | null, datePrecision: DatePrecision | null, occasion: string | null, speaker: { id: string, name: string }, meeting: { id: string, title: string } | null, wordings: Array<{ id: string, text: string, quoted: boolean, attributedTo: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> }>, sources: Array<{ id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null }>, claims: Array<{ id: string, field: string, value: string, wording: string | null, excerpt: string | null, basis: EvidenceBasis, note: string | null, hedge: Hedge, rank: ClaimRank, rankReason: string | null, claimant: { id: string, name: string } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null } | null, source: { id: string, publisher: string | null, title: string } }>, conflicts: Array<{ field: string, compatible: boolean, explanation: string, claims: Array<{ id: string, wording: string | null, value: string, source: { id: string, publisher: string | null, title: string }, meeting: { id: string, title: string } }> }> };

export type MeetingPageQueryVariables = Exact<{
  id: string;
}>;


export type MeetingPageQuery = { meeting: { id: string, title: string, kind: string | null, heldOn: string, datePrecision: DatePrecision, outcome: string | null, began: { earliest: string | null, latest: string | null, wording: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } | null } | null, ended: { earliest: string | null, latest: string | null, wording: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } | null } | null, place: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null, source: { id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null } | null }, durationConsensus: { minMinutes: number | null, maxMinutes: number | null, compatible: boolean, claimCount: number } | null, participants: Array<{ role: string | null, person: { id: string, name: string }, delegation: { id: string, name: string } | null, sources: Array<{ excerpt: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> }>, statements: Array<{ id: string, text: string, madeOn: string | null, datePrecision: DatePrecision | null, occasion: string | null, speaker: { id: string, name: string }, meeting: { id: string, title: string } | null, wordings: Array<{ id: string, text: string, quoted: boolean, attributedTo: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> }>, sources: Array<{ id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null }>, claims: Array<{ id: string, field: string, value: string, wording: string | null, excerpt: string | null, basis: EvidenceBasis, note: string | null, hedge: Hedge, rank: ClaimRank, rankReason: string | null, claimant: { id: string, name: string } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null } | null, source: { id: string, publisher: string | null, title: string } }>, conflicts: Array<{ field: string, compatible: boolean, explanation: string, claims: Array<{ id: string, wording: string | null, value: string, source: { id: string, publisher: string | null, title: string }, meeting: { id: string, title: string } }> }> } | null };

export type MeetingChangedSubscriptionVariables = Exact<{
  id: string;
}>;


export type MeetingChangedSubscription = { meetingChanged: { change: MeetingChangeKind, actor: string, at: string, claimIds: Array<string>, meeting: { id: string, title: string, kind: string | null, heldOn: string, datePrecision: DatePrecision, outcome: string | null, began: { earliest: string | null, latest: string | null, wording: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } | null } | null, ended: { earliest: string | null, latest: string | null, wording: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } | null } | null, place: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null, source: { id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null } | null }, durationConsensus: { minMinutes: number | null, maxMinutes: number | null, compatible: boolean, claimCount: number } | null, participants: Array<{ role: string | null, person: { id: string, name: string }, delegation: { id: string, name: string } | null, sources: Array<{ excerpt: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> }>, statements: Array<{ id: string, text: string, madeOn: string | null, datePrecision: DatePrecision | null, occasion: string | null, speaker: { id: string, name: string }, meeting: { id: string, title: string } | null, wordings: Array<{ id: string, text: string, quoted: boolean, attributedTo: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> }>, sources: Array<{ id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null }>, claims: Array<{ id: string, field: string, value: string, wording: string | null, excerpt: string | null, basis: EvidenceBasis, note: string | null, hedge: Hedge, rank: ClaimRank, rankReason: string | null, claimant: { id: string, name: string } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null } | null, source: { id: string, publisher: string | null, title: string } }>, conflicts: Array<{ field: string, compatible: boolean, explanation: string, claims: Array<{ id: string, wording: string | null, value: string, source: { id: string, publisher: string | null, title: string }, meeting: { id: string, title: string } }> }> } | null } };

export type MeetingsFoundQueryVariables = Exact<{
  filter?: MeetingFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MeetingsFoundQuery = { meetings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, heldOn: string, datePrecision: DatePrecision, place: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null }, participants: Array<{ person: { id: string, name: string } }> } }> } };

export type WhereChoicesQueryVariables = Exact<{
  country: string;
  withCountry: boolean;
  place: string;
  withPlace: boolean;
}>;


export type WhereChoicesQuery = { countries: Array<{ id: string, name: string }>, country?: { places: Array<{ id: string, name: string, within: { name: string } | null }> } | null, place?: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null };

export type ConnectionPathQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type ConnectionPathQuery = { connectionPath: Array<{ from: { id: string, name: string }, to: { id: string, name: string }, meeting: { id: string, title: string, heldOn: string, datePrecision: DatePrecision } }> | null };

export type PersonPageQueryVariables = Exact<{
  id: string;
}>;


export type PersonPageQuery = { person: { counterpartCount: number, id: string, name: string, aliases: Array<string>, roles: Array<{ title: string, id: string, from: string | null, to: string | null, organization: { name: string } | null, country: { name: string } | null, sources: Array<{ excerpt: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> }>, relations: Array<{ kind: string, direction: RelationDirection, person: { id: string, name: string }, sources: Array<{ excerpt: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> }>, counterparts: Array<{ meetingCount: number, person: { id: string, name: string }, time: { minutes: number, minMinutes: number, maxMinutes: number | null, knownCount: number, approximateCount: number, unknownCount: number, consensusMinMinutes: number, consensusMaxMinutes: number | null, incompatibleCount: number }, firstMeeting: { id: string, heldOn: string, datePrecision: DatePrecision }, lastMeeting: { id: string, heldOn: string, datePrecision: DatePrecision } }>, countries: Array<{ id: string, name: string }> } | null };

export type PersonMeetingsQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PersonMeetingsQuery = { person: { id: string, meetings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, heldOn: string, datePrecision: DatePrecision, place: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null }, participants: Array<{ person: { id: string, name: string } }> } }> } } | null };

export type PersonStatementsQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PersonStatementsQuery = { person: { id: string, statements: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, text: string, madeOn: string | null, datePrecision: DatePrecision | null, occasion: string | null, speaker: { id: string, name: string }, meeting: { id: string, title: string } | null, wordings: Array<{ id: string, text: string, quoted: boolean, attributedTo: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> } }> } } | null };

export type PlaceTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type PlaceTreeQuery = { countries: Array<{ id: string, name: string, meetings: { totalCount: number }, places: Array<{ id: string, name: string, kind: string | null, within: { id: string } | null, meetings: { totalCount: number } }> }> };

export type EveryoneQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EveryoneQuery = { people: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, aliases: Array<string>, roles: Array<{ title: string }>, countries: Array<{ id: string, name: string }> } }> } };

export type SourcePageQueryVariables = Exact<{
  id: string;
}>;


export type SourcePageQuery = { source: { note: string | null, id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null, publishedBy: { id: string, name: string, country: { name: string } | null } | null, claims: Array<{ id: string, field: string, value: string, wording: string | null, excerpt: string | null, basis: EvidenceBasis, note: string | null, hedge: Hedge, rank: ClaimRank, rankReason: string | null, meeting: { id: string, title: string }, claimant: { id: string, name: string } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, figureMinutes: number | null, bound: DurationBound | null, hedge: Hedge, wording: string | null } | null, source: { id: string, publisher: string | null, title: string } }>, statements: Array<{ id: string, text: string, madeOn: string | null, datePrecision: DatePrecision | null, occasion: string | null, speaker: { id: string, name: string }, meeting: { id: string, title: string } | null, wordings: Array<{ id: string, text: string, quoted: boolean, attributedTo: string | null, basis: EvidenceBasis, note: string | null, source: { id: string, publisher: string | null, title: string } }> }> } | null };

export type ProposalRefFieldsFragment = { id: string, proposal: { id: string } | null };

export type ProposalFieldsFragment = { id: string, kind: ProposalKind, status: ProposalStatus, summary: string, excerpt: string, start: number, end: number, confidence: number, reason: string, basis: EvidenceBasis, note: string | null, decidedBy: string | null, decidedAt: string | null, rejectionReason: string | null, edits: string | null, became: string | null, dependsOn: Array<{ id: string }>, meeting: { id: string } | null, known: { id: string, how: string, fromThisSource: boolean | null } | null, contradicts: { id: string, how: string } | null, person: { id: string, existingId: string | null, name: string, aliases: Array<string>, description: string | null } | null, place: { id: string, existingId: string | null, name: string, kind: string, within: { id: string, proposal: { id: string } | null } | null } | null, proposedMeeting: { id: string, existingId: string | null, title: string, date: string, dateEnd: string | null, place: { id: string, proposal: { id: string } | null } | null, participants: Array<{ id: string, proposal: { id: string } | null }> } | null, participation: { role: string | null, person: { id: string, proposal: { id: string } | null } } | null, duration: { wording: string, figureMinutes: number | null, minMinutes: number | null, maxMinutes: number | null, bound: DurationBound | null, hedge: Hedge } | null, statement: { existingId: string | null, text: string, kind: string, saidOn: string | null, occasion: string | null, speaker: { id: string, proposal: { id: string } | null } } | null, claim: { field: string, value: string, wording: string | null, hedge: Hedge } | null, role: { title: string, person: { id: string, proposal: { id: string } | null } } | null, relation: { kind: string, from: { id: string, proposal: { id: string } | null }, to: { id: string, proposal: { id: string } | null } } | null };

export type ReviewArticleQueryVariables = Exact<{
  sourceId: string;
}>;


export type ReviewArticleQuery = { source: { id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, text: string | null } | null };

export type ReviewProposalsQueryVariables = Exact<{
  sourceId: string;
  after?: string | null | undefined;
}>;


export type ReviewProposalsQuery = { proposals: { totalCount: number, edges: Array<{ node: { id: string, kind: ProposalKind, status: ProposalStatus, summary: string, excerpt: string, start: number, end: number, confidence: number, reason: string, basis: EvidenceBasis, note: string | null, decidedBy: string | null, decidedAt: string | null, rejectionReason: string | null, edits: string | null, became: string | null, dependsOn: Array<{ id: string }>, meeting: { id: string } | null, known: { id: string, how: string, fromThisSource: boolean | null } | null, contradicts: { id: string, how: string } | null, person: { id: string, existingId: string | null, name: string, aliases: Array<string>, description: string | null } | null, place: { id: string, existingId: string | null, name: string, kind: string, within: { id: string, proposal: { id: string } | null } | null } | null, proposedMeeting: { id: string, existingId: string | null, title: string, date: string, dateEnd: string | null, place: { id: string, proposal: { id: string } | null } | null, participants: Array<{ id: string, proposal: { id: string } | null }> } | null, participation: { role: string | null, person: { id: string, proposal: { id: string } | null } } | null, duration: { wording: string, figureMinutes: number | null, minMinutes: number | null, maxMinutes: number | null, bound: DurationBound | null, hedge: Hedge } | null, statement: { existingId: string | null, text: string, kind: string, saidOn: string | null, occasion: string | null, speaker: { id: string, proposal: { id: string } | null } } | null, claim: { field: string, value: string, wording: string | null, hedge: Hedge } | null, role: { title: string, person: { id: string, proposal: { id: string } | null } } | null, relation: { kind: string, from: { id: string, proposal: { id: string } | null }, to: { id: string, proposal: { id: string } | null } } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ProposalsChangedSubscriptionVariables = Exact<{
  sourceId: string;
}>;


export type ProposalsChangedSubscription = { proposalsChanged: { change: ProposalChangeKind, actor: string, at: string, proposals: Array<{ id: string, kind: ProposalKind, status: ProposalStatus, summary: string, excerpt: string, start: number, end: number, confidence: number, reason: string, basis: EvidenceBasis, note: string | null, decidedBy: string | null, decidedAt: string | null, rejectionReason: string | null, edits: string | null, became: string | null, dependsOn: Array<{ id: string }>, meeting: { id: string } | null, known: { id: string, how: string, fromThisSource: boolean | null } | null, contradicts: { id: string, how: string } | null, person: { id: string, existingId: string | null, name: string, aliases: Array<string>, description: string | null } | null, place: { id: string, existingId: string | null, name: string, kind: string, within: { id: string, proposal: { id: string } | null } | null } | null, proposedMeeting: { id: string, existingId: string | null, title: string, date: string, dateEnd: string | null, place: { id: string, proposal: { id: string } | null } | null, participants: Array<{ id: string, proposal: { id: string } | null }> } | null, participation: { role: string | null, person: { id: string, proposal: { id: string } | null } } | null, duration: { wording: string, figureMinutes: number | null, minMinutes: number | null, maxMinutes: number | null, bound: DurationBound | null, hedge: Hedge } | null, statement: { existingId: string | null, text: string, kind: string, saidOn: string | null, occasion: string | null, speaker: { id: string, proposal: { id: string } | null } } | null, claim: { field: string, value: string, wording: string | null, hedge: Hedge } | null, role: { title: string, person: { id: string, proposal: { id: string } | null } } | null, relation: { kind: string, from: { id: string, proposal: { id: string } | null }, to: { id: string, proposal: { id: string } | null } } | null }> } };

export type IngestedSourcesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type IngestedSourcesQuery = { ingestedSources: { totalCount: number, edges: Array<{ node: { pending: number, accepted: number, rejected: number, alreadyKnown: number, source: { id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AcceptProposalsMutationVariables = Exact<{
  ids: Array<string> | string;
  edits?: Array<ProposalEdit> | ProposalEdit | null | undefined;
}>;


export type AcceptProposalsMutation = { acceptProposals: { proposals: Array<{ id: string, kind: ProposalKind, status: ProposalStatus, summary: string, excerpt: string, start: number, end: number, confidence: number, reason: string, basis: EvidenceBasis, note: string | null, decidedBy: string | null, decidedAt: string | null, rejectionReason: string | null, edits: string | null, became: string | null, dependsOn: Array<{ id: string }>, meeting: { id: string } | null, known: { id: string, how: string, fromThisSource: boolean | null } | null, contradicts: { id: string, how: string } | null, person: { id: string, existingId: string | null, name: string, aliases: Array<string>, description: string | null } | null, place: { id: string, existingId: string | null, name: string, kind: string, within: { id: string, proposal: { id: string } | null } | null } | null, proposedMeeting: { id: string, existingId: string | null, title: string, date: string, dateEnd: string | null, place: { id: string, proposal: { id: string } | null } | null, participants: Array<{ id: string, proposal: { id: string } | null }> } | null, participation: { role: string | null, person: { id: string, proposal: { id: string } | null } } | null, duration: { wording: string, figureMinutes: number | null, minMinutes: number | null, maxMinutes: number | null, bound: DurationBound | null, hedge: Hedge } | null, statement: { existingId: string | null, text: string, kind: string, saidOn: string | null, occasion: string | null, speaker: { id: string, proposal: { id: string } | null } } | null, claim: { field: string, value: string, wording: string | null, hedge: Hedge } | null, role: { title: string, person: { id: string, proposal: { id: string } | null } } | null, relation: { kind: string, from: { id: string, proposal: { id: string } | null }, to: { id: string, proposal: { id: string } | null } } | null }>, errors: Array<{ field: Array<string>, code: string, message: string }> } };

export type RejectProposalsMutationVariables = Exact<{
  ids: Array<string> | string;
  reason?: string | null | undefined;
}>;


export type RejectProposalsMutation = { rejectProposals: { proposals: Array<{ id: string, kind: ProposalKind, status: ProposalStatus, summary: string, excerpt: string, start: number, end: number, confidence: number, reason: string, basis: EvidenceBasis, note: string | null, decidedBy: string | null, decidedAt: string | null, rejectionReason: string | null, edits: string | null, became: string | null, dependsOn: Array<{ id: string }>, meeting: { id: string } | null, known: { id: string, how: string, fromThisSource: boolean | null } | null, contradicts: { id: string, how: string } | null, person: { id: string, existingId: string | null, name: string, aliases: Array<string>, description: string | null } | null, place: { id: string, existingId: string | null, name: string, kind: string, within: { id: string, proposal: { id: string } | null } | null } | null, proposedMeeting: { id: string, existingId: string | null, title: string, date: string, dateEnd: string | null, place: { id: string, proposal: { id: string } | null } | null, participants: Array<{ id: string, proposal: { id: string } | null }> } | null, participation: { role: string | null, person: { id: string, proposal: { id: string } | null } } | null, duration: { wording: string, figureMinutes: number | null, minMinutes: number | null, maxMinutes: number | null, bound: DurationBound | null, hedge: Hedge } | null, statement: { existingId: string | null, text: string, kind: string, saidOn: string | null, occasion: string | null, speaker: { id: string, proposal: { id: string } | null } } | null, claim: { field: string, value: string, wording: string | null, hedge: Hedge } | null, role: { title: string, person: { id: string, proposal: { id: string } | null } } | null, relation: { kind: string, from: { id: string, proposal: { id: string } | null }, to: { id: string, proposal: { id: string } | null } } | null }>, errors: Array<{ field: Array<string>, code: string, message: string }> } };

export type IngestArticleMutationVariables = Exact<{
  input: IngestArticleInput;
}>;


export type IngestArticleMutation = { ingestArticle: { source: { id: string } | null, errors: Array<{ field: Array<string>, code: string, message: string }> } };

export type PickerSearchQueryVariables = Exact<{
  query: string;
}>;


export type PickerSearchQuery = { search: Array<
    | { __typename: 'Country' }
    | { __typename: 'Meeting' }
    | { __typename: 'Organization' }
    | { __typename: 'Person', id: string, name: string, aliases: Array<string> }
    | { __typename: 'Place', id: string, name: string, kind: string | null, within: { name: string } | null, country: { name: string } | null }
    | { __typename: 'Statement' }
  > };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DurationSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment DurationSummaryFields on DurationSummary {
  minutes
  minMinutes
  maxMinutes
  knownCount
  approximateCount
  unknownCount
  consensusMinMinutes
  consensusMaxMinutes
  incompatibleCount
}
    `, {"fragmentName":"DurationSummaryFields"}) as unknown as TypedDocumentString<DurationSummaryFieldsFragment, unknown>;
export const CounterpartFieldsFragmentDoc = new TypedDocumentString(`
    fragment CounterpartFields on Counterpart {
  person {
    id
    name
  }
  meetingCount
  time {
    ...DurationSummaryFields
  }
  firstMeeting {
    id
    heldOn
    datePrecision
  }
  lastMeeting {
    id
    heldOn
    datePrecision
  }
}
    fragment DurationSummaryFields on DurationSummary {
  minutes
  minMinutes
  maxMinutes
  knownCount
  approximateCount
  unknownCount
  consensusMinMinutes
  consensusMaxMinutes
  incompatibleCount
}`, {"fragmentName":"CounterpartFields"}) as unknown as TypedDocumentString<CounterpartFieldsFragment, unknown>;
export const PlaceFieldsFragmentDoc = new TypedDocumentString(`
    fragment PlaceFields on Place {
  id
  name
  within {
    name
  }
  country {
    name
  }
}
    `, {"fragmentName":"PlaceFields"}) as unknown as TypedDocumentString<PlaceFieldsFragment, unknown>;
export const DurationFieldsFragmentDoc = new TypedDocumentString(`
    fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  figureMinutes
  bound
  hedge
  wording
}
    `, {"fragmentName":"DurationFields"}) as unknown as TypedDocumentString<DurationFieldsFragment, unknown>;
export const TimelineMeetingFieldsFragmentDoc = new TypedDocumentString(`
    fragment TimelineMeetingFields on Meeting {
  id
  title
  heldOn
  datePrecision
  place {
    ...PlaceFields
  }
  duration {
    ...DurationFields
  }
  participants {
    person {
      id
      name
    }
  }
}
    fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  figureMinutes
  bound
  hedge
  wording
}
fragment PlaceFields on Place {
  id
  name
  within {
    name
  }
  country {
    name
  }
}`, {"fragmentName":"TimelineMeetingFields"}) as unknown as TypedDocumentString<TimelineMeetingFieldsFragment, unknown>;
export const PersonSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment PersonSummaryFields on Person {
  id
  name
  aliases
  roles {
    title
  }
  countries {
    id
    name
  }
}
    `, {"fragmentName":"PersonSummaryFields"}) as unknown as TypedDocumentString<PersonSummaryFieldsFragment, unknown>;
export const SourceReferenceFieldsFragmentDoc = new TypedDocumentString(`
    fragment SourceReferenceFields on SourceReference {
  excerpt
  basis
  note
  source {
    id
    publisher
    title
  }
}
    `, {"fragmentName":"SourceReferenceFields"}) as unknown as TypedDocumentString<SourceReferenceFieldsFragment, unknown>;
export const RelationFieldsFragmentDoc = new TypedDocumentString(`
    fragment RelationFields on PersonRelation {
  kind
  direction
  person {
    id
    name
  }
  sources {
    ...SourceReferenceFields
  }
}
    fragment SourceReferenceFields on SourceReference {
  excerpt
  basis
  note
  source {
    id
    publisher
    title
  }
}`, {"fragmentName":"RelationFields"}) as unknown as TypedDocumentString<RelationFieldsFragment, unknown>;
export const RoleFieldsFragmentDoc = new TypedDocumentString(`
    fragment RoleFields on Role {
  id
  title
  from
  to
  organization {
    name
  }
  country {
    name
  }
  sources {
    ...SourceReferenceFields
  }
}
    fragment SourceReferenceFields on SourceReference {
  excerpt
  basis
  note
  source {
    id
    publisher
    title
  }
}`, {"fragmentName":"RoleFields"}) as unknown as TypedDocumentString<RoleFieldsFragment, unknown>;
export const TimeEstimateFieldsFragmentDoc = new TypedDocumentString(`
    fragment TimeEstimateFields on TimeEstimate {
  earliest
  latest
  wording
  basis
  note
  source {
    id
    publisher
    title
  }
}
    `, {"fragmentName":"TimeEstimateFields"}) as unknown as TypedDocumentString<TimeEstimateFieldsFragment, unknown>;
export const SourceFieldsFragmentDoc = new TypedDocumentString(`
    fragment SourceFields on Source {
  id
  title
  publisher
  publishedOn
  datePrecision
  url
  kind
}
    `, {"fragmentName":"SourceFields"}) as unknown as TypedDocumentString<SourceFieldsFragment, unknown>;
export const StatementFieldsFragmentDoc = new TypedDocumentString(`
    fragment StatementFields on Statement {
  id
  text
  madeOn
  datePrecision
  occasion
  speaker {
    id
    name
  }
  meeting {
    id
    title
  }
  wordings {
    id
    text
    quoted
    attributedTo
    basis
    note
    source {
      id
      publisher
      title
    }
  }
}
    `, {"fragmentName":"StatementFields"}) as unknown as TypedDocumentString<StatementFieldsFragment, unknown>;
export const ClaimFieldsFragmentDoc = new TypedDocumentString(`
    fragment ClaimFields on Claim {
  id
  field
  value
  wording
  excerpt
  basis
  note
  hedge
  rank
  rankReason
  claimant {
    id
    name
  }
  duration {
    ...DurationFields
  }
  source {
    id
    publisher
    title
  }
}
    fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  figureMinutes
  bound
  hedge
  wording
}`, {"fragmentName":"ClaimFields"}) as unknown as TypedDocumentString<ClaimFieldsFragment, unknown>;
export const ConflictFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConflictFields on Conflict {
  field
  compatible
  explanation
  claims {
    id
    wording
    value
    source {
      id
      publisher
      title
    }
    meeting {
      id
      title
    }
  }
}
    `, {"fragmentName":"ConflictFields"}) as unknown as TypedDocumentString<ConflictFieldsFragment, unknown>;
export const MeetingPageFieldsFragmentDoc = new TypedDocumentString(`
    fragment MeetingPageFields on Meeting {
  id
  title
  kind
  heldOn
  datePrecision
  outcome
  began {
    ...TimeEstimateFields
  }
  ended {
    ...TimeEstimateFields
  }
  place {
    ...PlaceFields
  }
  duration {
    ...DurationFields
    source {
      ...SourceFields
    }
  }
  durationConsensus {
    minMinutes
    maxMinutes
    compatible
    claimCount
  }
  participants {
    person {
      id
      name
    }
    role
    delegation {
      id
      name
    }
    sources {
      ...SourceReferenceFields
    }
  }
  statements {
    ...StatementFields
  }
  sources {
    ...SourceFields
  }
  claims {
    ...ClaimFields
  }
  conflicts {
    ...ConflictFields
  }
}
    fragment ClaimFields on Claim {
  id
  field
  value
  wording
  excerpt
  basis
  note
  hedge
  rank
  rankReason
  claimant {
    id
    name
  }
  duration {
    ...DurationFields
  }
  source {
    id
    publisher
    title
  }
}
fragment ConflictFields on Conflict {
  field
  compatible
  explanation
  claims {
    id
    wording
    value
    source {
      id
      publisher
      title
    }
    meeting {
      id
      title
    }
  }
}
fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  figureMinutes
  bound
  hedge
  wording
}
fragment SourceReferenceFields on SourceReference {
  excerpt
  basis
  note
  source {
    id
    publisher
    title
  }
}
fragment PlaceFields on Place {
  id
  name
  within {
    name
  }
  country {
    name
  }
}
fragment SourceFields on Source {
  id
  title
  publisher
  publishedOn
  datePrecision
  url
  kind
}
fragment StatementFields on Statement {
  id
  text
  madeOn
  datePrecision
  occasion
  speaker {
    id
    name
  }
  meeting {
    id
    title
  }
  wordings {
    id
    text
    quoted
    attributedTo
    basis
    note
    source {
      id
      publisher
      title
    }
  }
}
fragment TimeEstimateFields on TimeEstimate {
  earliest
  latest
  wording
  basis
  note
  source {
    id
    publisher
    title
  }
}`, {"fragmentName":"MeetingPageFields"}) as unknown as TypedDocumentString<MeetingPageFieldsFragment, unknown>;
export const ProposalRefFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProposalRefFields on ProposalRef {
  id
  proposal {
    id
  }
}
    `, {"fragmentName":"ProposalRefFields"}) as unknown as TypedDocumentString<ProposalRefFieldsFragment, unknown>;
export const ProposalFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProposalFields on Proposal {
  id
  kind
  status
  summary
  excerpt
  start
  end
  confidence
  reason
  basis
  note
  dependsOn {
    id
  }
  meeting {
    id
  }
  known {
    id
    how
    fromThisSource
  }
  contradicts {
    id
    how
  }
  person {
    id
    existingId
    name
    aliases
    description
  }
  place {
    id
    existingId
    name
    kind
    within {
      ...ProposalRefFields
    }
  }
  proposedMeeting {
    id
    existingId
    title
    date
    dateEnd
    place {
      ...ProposalRefFields
    }
    participants {
      ...ProposalRefFields
    }
  }
  participation {
    person {
      ...ProposalRefFields
    }
    role
  }
  duration {
    wording
    figureMinutes
    minMinutes
    maxMinutes
    bound
    hedge
  }
  statement {
    existingId
    speaker {
      ...ProposalRefFields
    }
    text
    kind
    saidOn
    occasion
  }
  claim {
    field
    value
    wording
    hedge
  }
  role {
    person {
      ...ProposalRefFields
    }
    title
  }
  relation {
    from {
      ...ProposalRefFields
    }
    to {
      ...ProposalRefFields
    }
    kind
  }
  decidedBy
  decidedAt
  rejectionReason
  edits
  became
}
    fragment ProposalRefFields on ProposalRef {
  id
  proposal {
    id
  }
}`, {"fragmentName":"ProposalFields"}) as unknown as TypedDocumentString<ProposalFieldsFragment, unknown>;
export const PersonNameDocument = new TypedDocumentString(`
    query PersonName($id: ID!) {
  person(id: $id) {
    id
    name
  }
}
    `, {"hash":"7fc15070fd5bffdec5765cc3f0885e570e91984b8640007f7c188788a1cae233"}) as unknown as TypedDocumentString<PersonNameQuery, PersonNameQueryVariables>;
export const PeopleSearchDocument = new TypedDocumentString(`
    query PeopleSearch($search: String, $first: Int) {
  people(search: $search, first: $first) {
    edges {
      node {
        ...PersonSummaryFields
      }
    }
  }
}
    fragment PersonSummaryFields on Person {
  id
  name
  aliases
  roles {
    title
  }
  countries {
    id
    name
  }
}`, {"hash":"0e93df9f41fbd82c297ca4d71b4d44e2088e3b116d945a880d06d3fa39161074"}) as unknown as TypedDocumentString<PeopleSearchQuery, PeopleSearchQueryVariables>;
export const PlaceNameDocument = new TypedDocumentString(`
    query PlaceName($id: ID!) {
  place(id: $id) {
    ...PlaceFields
  }
}
    fragment PlaceFields on Place {
  id
  name
  within {
    name
  }
  country {
    name
  }
}`, {"hash":"3a3c1f356f283c36a1a42439e74bc2344e51a04e0a44e7bd80b3be63e5acb235"}) as unknown as TypedDocumentString<PlaceNameQuery, PlaceNameQueryVariables>;
export const SearchEverythingDocument = new TypedDocumentString(`
    query SearchEverything($query: String!, $first: Int) {
  search(query: $query, first: $first) {
    __typename
    ... on Person {
      ...PersonSummaryFields
    }
    ... on Meeting {
      id
      title
      heldOn
      datePrecision
      place {
        ...PlaceFields
      }
    }
    ... on Statement {
      id
      text
      quoted
      madeOn
      madeOnPrecision: datePrecision
      speaker {
        id
        name
      }
      meeting {
        id
        title
      }
    }
    ... on Place {
      ...PlaceFields
      kind
    }
    ... on Country {
      id
      name
    }
    ... on Organization {
      id
      name
      kind
      country {
        id
        name
      }
    }
  }
}
    fragment PersonSummaryFields on Person {
  id
  name
  aliases
  roles {
    title
  }
  countries {
    id
    name
  }
}
fragment PlaceFields on Place {
  id
  name
  within {
    name
  }
  country {
    name
  }
}`, {"hash":"9e0ce5ab1aa841176da5278bd48a19fb9be8a4b500acb963c88df209ad66362f"}) as unknown as TypedDocumentString<SearchEverythingQuery, SearchEverythingQueryVariables>;
export const TimeTogetherDocument = new TypedDocumentString(`
    query TimeTogether($people: [ID!]!, $lead: ID!, $filter: MeetingFilter, $filtered: Boolean!) {
  timeTogether(personIds: $people) @skip(if: $filtered) {
    meetingCount
    time {
      ...DurationSummaryFields
    }
  }
  person(id: $lead) @include(if: $filtered) {
    counterparts(filter: $filter, orderBy: MEETING_COUNT, first: 100) {
      person {
        id
      }
      meetingCount
      time {
        ...DurationSummaryFields
      }
    }
  }
}
    fragment DurationSummaryFields on DurationSummary {
  minutes
  minMinutes
  maxMinutes
  knownCount
  approximateCount
  unknownCount
  consensusMinMinutes
  consensusMaxMinutes
  incompatibleCount
}`, {"hash":"04abc019bed76c216a3003aed2c148bacfeb6e149af28de7451fd32224e08fb9"}) as unknown as TypedDocumentString<TimeTogetherQuery, TimeTogetherQueryVariables>;
export const MeetingPageDocument = new TypedDocumentString(`
    query MeetingPage($id: ID!) {
  meeting(id: $id) {
    ...MeetingPageFields
  }
}
    fragment ClaimFields on Claim {
  id
  field
  value
  wording
  excerpt
  basis
  note
  hedge
  rank
  rankReason
  claimant {
    id
    name
  }
  duration {
    ...DurationFields
  }
  source {
    id
    publisher
    title
  }
}
fragment ConflictFields on Conflict {
  field
  compatible
  explanation
  claims {
    id
    wording
    value
    source {
      id
      publisher
      title
    }
    meeting {
      id
      title
    }
  }
}
fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  figureMinutes
  bound
  hedge
  wording
}
fragment SourceReferenceFields on SourceReference {
  excerpt
  basis
  note
  source {
    id
    publisher
    title
  }
}
fragment PlaceFields on Place {
  id
  name
  within {
    name
  }
  country {
    name
  }
}
fragment SourceFields on Source {
  id
  title
  publisher
  publishedOn
  datePrecision
  url
  kind
}
fragment StatementFields on Statement {
  id
  text
  madeOn
  datePrecision
  occasion
  speaker {
    id
    name
  }
  meeting {
    id
    title
  }
  wordings {
    id
    text
    quoted
    attributedTo
    basis
    note
    source {
      id
      publisher
      title
    }
  }
}
fragment TimeEstimateFields on TimeEstimate {
  earliest
  latest
  wording
  basis
  note
  source {
    id
    publisher
    title
  }
}
fragment MeetingPageFields on Meeting {
  id
  title
  kind
  heldOn
  datePrecision
  outcome
  began {
    ...TimeEstimateFields
  }
  ended {
    ...TimeEstimateFields
  }
  place {
    ...PlaceFields
  }
  duration {
    ...DurationFields
    source {
      ...SourceFields
    }
  }
  durationConsensus {
    minMinutes
    maxMinutes
    compatible
    claimCount
  }
  participants {
    person {
      id
      name
    }
    role
    delegation {
      id
      name
    }
    sources {
      ...SourceReferenceFields
    }
  }
  statements {
    ...StatementFields
  }
  sources {
    ...SourceFields
  }
  claims {
    ...ClaimFields
  }
  conflicts {
    ...ConflictFields
  }
}`, {"hash":"cfac18653181d8d3d4a2f2a8f50a2b671465ae9001f83e6c8866bb2594845c38"}) as unknown as TypedDocumentString<MeetingPageQuery, MeetingPageQueryVariables>;
export const MeetingChangedDocument = new TypedDocumentString(`
    subscription MeetingChanged($id: ID!) {
  meetingChanged(id: $id) {
    change
    actor
    at
    claimIds
    meeting {
      ...MeetingPageFields
    }
  }
}
    fragment ClaimFields on Claim {
  id
  field
  value
  wording
  excerpt
  basis
  note
  hedge
  rank
  rankReason
  claimant {
    id
    name
  }
  duration {
    ...DurationFields
  }
  source {
    id
    publisher
    title
  }
}
fragment ConflictFields on Conflict {
  field
  compatible
  explanation
  claims {
    id
    wording
    value
    source {
      id
      publisher
      title
    }
    meeting {
      id
      title
    }
  }
}
fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  figureMinutes
  bound
  hedge
  wording
}
fragment SourceReferenceFields on SourceReference {
  excerpt
  basis
  note
  source {
    id
    publisher
    title
  }
}
fragment PlaceFields on Place {
  id
  name
  within {
    name
  }
  country {
    name
  }
}
fragment SourceFields on Source {
  id
  title
  publisher
  publishedOn
  datePrecision
  url
  kind
}
fragment StatementFields on Statement {
  id
  text
  madeOn
  datePrecision
  occasion
  speaker {
    id
    name
  }
  meeting {
    id
    title
  }
  wordings {
    id
    text
    quoted
    attributedTo
    basis
    note
    source {
      id
      publisher
      title
    }
  }
}
fragment TimeEstimateFields on TimeEstimate {
  earliest
  latest
  wording
  basis
  note
  source {
    id
    publisher
    title
  }
}
fragment MeetingPageFields on Meeting {
  id
  title
  kind
  heldOn
  datePrecision
  outcome
  began {
    ...TimeEstimateFields
  }
  ended {
    ...TimeEstimateFields
  }
  place {
    ...PlaceFields
  }
  duration {
    ...DurationFields
    source {
      ...SourceFields
    }
  }
  durationConsensus {
    minMinutes
    maxMinutes
    compatible
    claimCount
  }
  participants {
    person {
      id
      name
    }
    role
    delegation {
      id
      name
    }
    sources {
      ...SourceReferenceFields
    }
  }
  statements {
    ...StatementFields
  }
  sources {
    ...SourceFields
  }
  claims {
    ...ClaimFields
  }
  conflicts {
    ...ConflictFields
  }
}`, {"hash":"49d5081d53273b7a7aa6a7d5ffb3b7d1aa4dec72ba96eb75df7ddfe6727a8a98"}) as unknown as TypedDocumentString<MeetingChangedSubscription, MeetingChangedSubscriptionVariables>;
export const MeetingsFoundDocument = new TypedDocumentString(`
    query MeetingsFound($filter: MeetingFilter, $first: Int, $after: String) {
  meetings(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...TimelineMeetingFields
      }
    }
  }
}
    fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  figureMinutes
  bound
  hedge
  wording
}
fragment TimelineMeetingFields on Meeting {
  id
  title
  heldOn
  datePrecision
  place {
    ...PlaceFields
  }
  duration {
    ...DurationFields
  }
  participants {
    person {
      id
      name
    }
  }
}
fragment PlaceFields on Place {
  id
  name
  within {
    name
  }
  country {
    name
  }
}`, {"hash":"038c484f0c65de7d23079e64428845247a8fc2ce57cd4cd7e475ffc88399ad85"}) as unknown as TypedDocumentString<MeetingsFoundQuery, MeetingsFoundQueryVariables>;
export const WhereChoicesDocument = new TypedDocumentString(`
    query WhereChoices($country: ID!, $withCountry: Boolean!, $place: ID!, $withPlace: Boolean!) {
  countries {
    id
    name
  }
  country(id: $country) @include(if: $withCountry) {
    places {
      id
      name
      within {
        name
      }
    }
  }
  place(id: $place) @include(if: $withPlace) {
    ...PlaceFields
  }
}
    fragment PlaceFields on Place {
  id
  name
  within {
    name
  }
  country {
    name
  }
}`, {"hash":"31d9ce5cb7f3468ddbb737b583abab79a6464dc3abf5a76a2ab2d412f81c037b"}) as unknown as TypedDocumentString<WhereChoicesQuery, WhereChoicesQueryVariables>;
export const ConnectionPathDocument = new TypedDocumentString(`
    query ConnectionPath($from: ID!, $to: ID!) {
  connectionPath(fromId: $from, toId: $to, maxHops: 6) {
    from {
      id
      name
    }
    to {
      id
      name
    }
    meeting {
      id
      title
      heldOn
      datePrecision
    }
  }
}
    `, {"hash":"5443104fabfa141a8332d2d15ab77a6c90c04210d702846b1ac257c0093c6683"}) as unknown as TypedDocumentString<ConnectionPathQuery, ConnectionPathQueryVariables>;
export const PersonPageDocument = new TypedDocumentString(`
    query PersonPage($id: ID!) {
  person(id: $id) {
    ...PersonSummaryFields
    roles {
      ...RoleFields
    }
    relations {
      ...RelationFields
    }
    counterparts(first: 100, orderBy: TIME_TOGETHER) {
      ...CounterpartFields
    }
    counterpartCount
  }
}
    fragment CounterpartFields on Counterpart {
  person {
    id
    name
  }
  meetingCount
  time {
    ...DurationSummaryFields
  }
  firstMeeting {
    id
    heldOn
    datePrecision
  }
  lastMeeting {
    id
    heldOn
    datePrecision
  }
}
fragment DurationSummaryFields on DurationSummary {
  minutes
  minMinutes
  maxMinutes
  knownCount
  approximateCount
  unknownCount
  consensusMinMinutes
  consensusMaxMinutes
  incompatibleCount
}
fragment SourceReferenceFields on SourceReference {
  excerpt
  basis
  note
  source {
    id
    publisher
    title
  }
}
fragment PersonSummaryFields on Person {
  id
  name
  aliases
  roles {
    title
  }
  countries {
    id
    name
  }
}
fragment RelationFields on PersonRelation {
  kind
  direction
  person {
    id
    name
  }
  sources {
    ...SourceReferenceFields
  }
}
fragment RoleFields on Role {
  id
  title
  from
  to
  organization {
    name
  }
  country {
    name
  }
  sources {
    ...SourceReferenceFields
  }
}`, {"hash":"44df14bf99b4c4170d2631378786ba69fca94f89656c7b7144bc18f9ca60e9b2"}) as unknown as TypedDocumentString<PersonPageQuery, PersonPageQueryVariables>;
export const PersonMeetingsDocument = new TypedDocumentString(`
    query PersonMeetings($id: ID!, $first: Int, $after: String) {
  person(id: $id) {
    id
    meetings(first: $first, after: $after, orderBy: DATE_ASC) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...TimelineMeetingFields
        }
      }
    }
  }
}
    fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  figureMinutes
  bound
  hedge
  wording
}
fragment TimelineMeetingFields on Meeting {
  id
  title
  heldOn
  datePrecision
  place {
    ...PlaceFields
  }
  duration {
    ...DurationFields
  }
  participants {
    person {
      id
      name
    }
  }
}
fragment PlaceFields on Place {
  id
  name
  within {
    name
  }
  country {
    name
  }
}`, {"hash":"dbecaf06b7fa690d4b5cf0b405c4426346e2d83c2b6b523c7695c5e5c3478f56"}) as unknown as TypedDocumentString<PersonMeetingsQuery, PersonMeetingsQueryVariables>;
export const PersonStatementsDocument = new TypedDocumentString(`
    query PersonStatements($id: ID!, $first: Int, $after: String) {
  person(id: $id) {
    id
    statements(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...StatementFields
        }
      }
    }
  }
}
    fragment StatementFields on Statement {
  id
  text
  madeOn
  datePrecision
  occasion
  speaker {
    id
    name
  }
  meeting {
    id
    title
  }
  wordings {
    id
    text
    quoted
    attributedTo
    basis
    note
    source {
      id
      publisher
      title
    }
  }
}`, {"hash":"99fd21f6dc18598b0a98cd7336ca254a746a66adfe9ab2d5b274d4268aa374f0"}) as unknown as TypedDocumentString<PersonStatementsQuery, PersonStatementsQueryVariables>;
export const PlaceTreeDocument = new TypedDocumentString(`
    query PlaceTree {
  countries {
    id
    name
    meetings(first: 0) {
      totalCount
    }
    places {
      id
      name
      kind
      within {
        id
      }
      meetings(first: 0) {
        totalCount
      }
    }
  }
}
    `, {"hash":"0fe43625dce3a18680adf7983a0bf0c386cda0a1b4660ef754a806d4439468e2"}) as unknown as TypedDocumentString<PlaceTreeQuery, PlaceTreeQueryVariables>;
export const EveryoneDocument = new TypedDocumentString(`
    query Everyone($first: Int, $after: String) {
  people(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...PersonSummaryFields
      }
    }
  }
}
    fragment PersonSummaryFields on Person {
  id
  name
  aliases
  roles {
    title
  }
  countries {
    id
    name
  }
}`, {"hash":"faedfbb6b51add4415546dae3a79a887a659385253385aba7e602dd7872c81c2"}) as unknown as TypedDocumentString<EveryoneQuery, EveryoneQueryVariables>;
export const SourcePageDocument = new TypedDocumentString(`
    query SourcePage($id: ID!) {
  source(id: $id) {
    ...SourceFields
    note
    publishedBy {
      id
      name
      country {
        name
      }
    }
    claims {
      ...ClaimFields
      meeting {
        id
        title
      }
    }
    statements {
      ...StatementFields
    }
  }
}
    fragment ClaimFields on Claim {
  id
  field
  value
  wording
  excerpt
  basis
  note
  hedge
  rank
  rankReason
  claimant {
    id
    name
  }
  duration {
    ...DurationFields
  }
  source {
    id
    publisher
    title
  }
}
fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  figureMinutes
  bound
  hedge
  wording
}
fragment SourceFields on Source {
  id
  title
  publisher
  publishedOn
  datePrecision
  url
  kind
}
fragment StatementFields on Statement {
  id
  text
  madeOn
  datePrecision
  occasion
  speaker {
    id
    name
  }
  meeting {
    id
    title
  }
  wordings {
    id
    text
    quoted
    attributedTo
    basis
    note
    source {
      id
      publisher
      title
    }
  }
}`, {"hash":"0707583af2ce4d453bb2d6f7925d18b53eefdd1adec15e913538b988ba6f1e00"}) as unknown as TypedDocumentString<SourcePageQuery, SourcePageQueryVariables>;
export const ReviewArticleDocument = new TypedDocumentString(`
    query ReviewArticle($sourceId: ID!) {
  source(id: $sourceId) {
    id
    title
    publisher
    publishedOn
    datePrecision
    url
    text
  }
}
    `, {"hash":"9a5402c0bc755877d6f1768ebd2bed9f189c204f18683895d13cd4616d3bab3a"}) as unknown as TypedDocumentString<ReviewArticleQuery, ReviewArticleQueryVariables>;
export const ReviewProposalsDocument = new TypedDocumentString(`
    query ReviewProposals($sourceId: ID!, $after: String) {
  proposals(filter: {sourceId: $sourceId}, first: 100, after: $after) {
    totalCount
    edges {
      node {
        ...ProposalFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ProposalRefFields on ProposalRef {
  id
  proposal {
    id
  }
}
fragment ProposalFields on Proposal {
  id
  kind
  status
  summary
  excerpt
  start
  end
  confidence
  reason
  basis
  note
  dependsOn {
    id
  }
  meeting {
    id
  }
  known {
    id
    how
    fromThisSource
  }
  contradicts {
    id
    how
  }
  person {
    id
    existingId
    name
    aliases
    description
  }
  place {
    id
    existingId
    name
    kind
    within {
      ...ProposalRefFields
    }
  }
  proposedMeeting {
    id
    existingId
    title
    date
    dateEnd
    place {
      ...ProposalRefFields
    }
    participants {
      ...ProposalRefFields
    }
  }
  participation {
    person {
      ...ProposalRefFields
    }
    role
  }
  duration {
    wording
    figureMinutes
    minMinutes
    maxMinutes
    bound
    hedge
  }
  statement {
    existingId
    speaker {
      ...ProposalRefFields
    }
    text
    kind
    saidOn
    occasion
  }
  claim {
    field
    value
    wording
    hedge
  }
  role {
    person {
      ...ProposalRefFields
    }
    title
  }
  relation {
    from {
      ...ProposalRefFields
    }
    to {
      ...ProposalRefFields
    }
    kind
  }
  decidedBy
  decidedAt
  rejectionReason
  edits
  became
}`, {"hash":"6296d2dc227b56d7a31dd7958103c248327481b519922e50eca69ba035ed8466"}) as unknown as TypedDocumentString<ReviewProposalsQuery, ReviewProposalsQueryVariables>;
export const ProposalsChangedDocument = new TypedDocumentString(`
    subscription ProposalsChanged($sourceId: ID!) {
  proposalsChanged(sourceId: $sourceId) {
    change
    actor
    at
    proposals {
      ...ProposalFields
    }
  }
}
    fragment ProposalRefFields on ProposalRef {
  id
  proposal {
    id
  }
}
fragment ProposalFields on Proposal {
  id
  kind
  status
  summary
  excerpt
  start
  end
  confidence
  reason
  basis
  note
  dependsOn {
    id
  }
  meeting {
    id
  }
  known {
    id
    how
    fromThisSource
  }
  contradicts {
    id
    how
  }
  person {
    id
    existingId
    name
    aliases
    description
  }
  place {
    id
    existingId
    name
    kind
    within {
      ...ProposalRefFields
    }
  }
  proposedMeeting {
    id
    existingId
    title
    date
    dateEnd
    place {
      ...ProposalRefFields
    }
    participants {
      ...ProposalRefFields
    }
  }
  participation {
    person {
      ...ProposalRefFields
    }
    role
  }
  duration {
    wording
    figureMinutes
    minMinutes
    maxMinutes
    bound
    hedge
  }
  statement {
    existingId
    speaker {
      ...ProposalRefFields
    }
    text
    kind
    saidOn
    occasion
  }
  claim {
    field
    value
    wording
    hedge
  }
  role {
    person {
      ...ProposalRefFields
    }
    title
  }
  relation {
    from {
      ...ProposalRefFields
    }
    to {
      ...ProposalRefFields
    }
    kind
  }
  decidedBy
  decidedAt
  rejectionReason
  edits
  became
}`, {"hash":"c8039cfe6af795cd975041afc85b66fba46931dd02062e5aaa0086876a59f11a"}) as unknown as TypedDocumentString<ProposalsChangedSubscription, ProposalsChangedSubscriptionVariables>;
export const IngestedSourcesDocument = new TypedDocumentString(`
    query IngestedSources($after: String) {
  ingestedSources(first: 100, after: $after) {
    totalCount
    edges {
      node {
        source {
          id
          title
          publisher
          publishedOn
          datePrecision
        }
        pending
        accepted
        rejected
        alreadyKnown
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"7d90dce94a1e4e3ce971a26db9e141982edde7c3f4605a09a6b704bedc1f1427"}) as unknown as TypedDocumentString<IngestedSourcesQuery, IngestedSourcesQueryVariables>;
export const AcceptProposalsDocument = new TypedDocumentString(`
    mutation AcceptProposals($ids: [ID!]!, $edits: [ProposalEdit!]) {
  acceptProposals(ids: $ids, edits: $edits) {
    proposals {
      ...ProposalFields
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment ProposalRefFields on ProposalRef {
  id
  proposal {
    id
  }
}
fragment ProposalFields on Proposal {
  id
  kind
  status
  summary
  excerpt
  start
  end
  confidence
  reason
  basis
  note
  dependsOn {
    id
  }
  meeting {
    id
  }
  known {
    id
    how
    fromThisSource
  }
  contradicts {
    id
    how
  }
  person {
    id
    existingId
    name
    aliases
    description
  }
  place {
    id
    existingId
    name
    kind
    within {
      ...ProposalRefFields
    }
  }
  proposedMeeting {
    id
    existingId
    title
    date
    dateEnd
    place {
      ...ProposalRefFields
    }
    participants {
      ...ProposalRefFields
    }
  }
  participation {
    person {
      ...ProposalRefFields
    }
    role
  }
  duration {
    wording
    figureMinutes
    minMinutes
    maxMinutes
    bound
    hedge
  }
  statement {
    existingId
    speaker {
      ...ProposalRefFields
    }
    text
    kind
    saidOn
    occasion
  }
  claim {
    field
    value
    wording
    hedge
  }
  role {
    person {
      ...ProposalRefFields
    }
    title
  }
  relation {
    from {
      ...ProposalRefFields
    }
    to {
      ...ProposalRefFields
    }
    kind
  }
  decidedBy
  decidedAt
  rejectionReason
  edits
  became
}`, {"hash":"80efe2b026afbd2df021379502df9315011d2ef23931e7ea61656ac962ee84d5"}) as unknown as TypedDocumentString<AcceptProposalsMutation, AcceptProposalsMutationVariables>;
export const RejectProposalsDocument = new TypedDocumentString(`
    mutation RejectProposals($ids: [ID!]!, $reason: String) {
  rejectProposals(ids: $ids, reason: $reason) {
    proposals {
      ...ProposalFields
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment ProposalRefFields on ProposalRef {
  id
  proposal {
    id
  }
}
fragment ProposalFields on Proposal {
  id
  kind
  status
  summary
  excerpt
  start
  end
  confidence
  reason
  basis
  note
  dependsOn {
    id
  }
  meeting {
    id
  }
  known {
    id
    how
    fromThisSource
  }
  contradicts {
    id
    how
  }
  person {
    id
    existingId
    name
    aliases
    description
  }
  place {
    id
    existingId
    name
    kind
    within {
      ...ProposalRefFields
    }
  }
  proposedMeeting {
    id
    existingId
    title
    date
    dateEnd
    place {
      ...ProposalRefFields
    }
    participants {
      ...ProposalRefFields
    }
  }
  participation {
    person {
      ...ProposalRefFields
    }
    role
  }
  duration {
    wording
    figureMinutes
    minMinutes
    maxMinutes
    bound
    hedge
  }
  statement {
    existingId
    speaker {
      ...ProposalRefFields
    }
    text
    kind
    saidOn
    occasion
  }
  claim {
    field
    value
    wording
    hedge
  }
  role {
    person {
      ...ProposalRefFields
    }
    title
  }
  relation {
    from {
      ...ProposalRefFields
    }
    to {
      ...ProposalRefFields
    }
    kind
  }
  decidedBy
  decidedAt
  rejectionReason
  edits
  became
}`, {"hash":"f0b0388d81d29f20784e192be289574e49ae6e94509f0e6e7fab6f26de9f7d37"}) as unknown as TypedDocumentString<RejectProposalsMutation, RejectProposalsMutationVariables>;
export const IngestArticleDocument = new TypedDocumentString(`
    mutation IngestArticle($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    source {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `, {"hash":"9fe00ab5dee2bf2c3efefa9be914d10be62851b74ecf52787492b3ec2116b735"}) as unknown as TypedDocumentString<IngestArticleMutation, IngestArticleMutationVariables>;
export const PickerSearchDocument = new TypedDocumentString(`
    query PickerSearch($query: String!) {
  search(query: $query, first: 10) {
    __typename
    ... on Person {
      id
      name
      aliases
    }
    ... on Place {
      id
      name
      kind
      within {
        name
      }
      country {
        name
      }
    }
  }
}
    `, {"hash":"bd14af41cabe53a4eef78341be086af44d58477010e311674ce94085e585ebf0"}) as unknown as TypedDocumentString<PickerSearchQuery, PickerSearchQueryVariables>;