/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How precisely a date is known. */
export type DatePrecision =
  /** The exact day is known: "2025-12-02". */
  | 'DAY'
  /** Only the month is known: "2025-12". */
  | 'MONTH'
  /** Only the year is known: "2025". */
  | 'YEAR';

export type ClaimFieldsFragment = { id: string, field: string, value: string, wording: string | null, excerpt: string | null, preferred: boolean, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, approximate: boolean, wording: string | null } | null, source: { id: string } };

export type CounterpartFieldsFragment = { meetingCount: number, person: { id: string, name: string }, time: { minutes: number, minMinutes: number, maxMinutes: number | null, knownCount: number, approximateCount: number, unknownCount: number }, firstMeeting: { id: string, date: string, datePrecision: DatePrecision }, lastMeeting: { id: string, date: string, datePrecision: DatePrecision } };

export type DurationFieldsFragment = { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, approximate: boolean, wording: string | null };

export type DurationSummaryFieldsFragment = { minutes: number, minMinutes: number, maxMinutes: number | null, knownCount: number, approximateCount: number, unknownCount: number };

export type TimelineMeetingFieldsFragment = { id: string, title: string, date: string, datePrecision: DatePrecision, place: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, approximate: boolean, wording: string | null }, participants: Array<{ person: { id: string, name: string } }> };

export type PersonSummaryFieldsFragment = { id: string, name: string, aliases: Array<string>, roles: Array<{ title: string }>, countries: Array<{ id: string, name: string }> };

export type PlaceFieldsFragment = { id: string, name: string, within: { name: string } | null, country: { name: string } | null };

export type SourceFieldsFragment = { id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null };

export type StatementFieldsFragment = { id: string, text: string, quoted: boolean, saidOn: string | null, datePrecision: DatePrecision | null, occasion: string | null, speaker: { id: string, name: string }, meeting: { id: string, title: string } | null, wordings: Array<{ id: string, text: string, source: { id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null } }> };

export type MeetingPageQueryVariables = Exact<{
  id: string;
}>;


export type MeetingPageQuery = { meeting: { id: string, title: string, kind: string | null, date: string, datePrecision: DatePrecision, outcome: string | null, place: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, approximate: boolean, wording: string | null, source: { id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null } | null }, participants: Array<{ role: string | null, person: { id: string, name: string }, delegation: { id: string, name: string } | null }>, statements: Array<{ id: string, text: string, quoted: boolean, saidOn: string | null, datePrecision: DatePrecision | null, occasion: string | null, speaker: { id: string, name: string }, meeting: { id: string, title: string } | null, wordings: Array<{ id: string, text: string, source: { id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null } }> }>, sources: Array<{ id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null }>, claims: Array<{ id: string, field: string, value: string, wording: string | null, excerpt: string | null, preferred: boolean, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, approximate: boolean, wording: string | null } | null, source: { id: string } }> } | null };

export type PersonPageQueryVariables = Exact<{
  id: string;
}>;


export type PersonPageQuery = { person: { id: string, name: string, aliases: Array<string>, counterparts: Array<{ meetingCount: number, person: { id: string, name: string }, time: { minutes: number, minMinutes: number, maxMinutes: number | null, knownCount: number, approximateCount: number, unknownCount: number }, firstMeeting: { id: string, date: string, datePrecision: DatePrecision }, lastMeeting: { id: string, date: string, datePrecision: DatePrecision } }>, statements: { totalCount: number, edges: Array<{ node: { id: string, text: string, quoted: boolean, saidOn: string | null, datePrecision: DatePrecision | null, occasion: string | null, speaker: { id: string, name: string }, meeting: { id: string, title: string } | null, wordings: Array<{ id: string, text: string, source: { id: string, title: string, publisher: string | null, publishedOn: string | null, datePrecision: DatePrecision | null, url: string | null, kind: string | null } }> } }> }, meetings: { totalCount: number, edges: Array<{ node: { id: string, title: string, date: string, datePrecision: DatePrecision, place: { id: string, name: string, within: { name: string } | null, country: { name: string } | null } | null, duration: { minutes: number | null, minMinutes: number | null, maxMinutes: number | null, approximate: boolean, wording: string | null }, participants: Array<{ person: { id: string, name: string } }> } }> }, roles: Array<{ title: string }>, countries: Array<{ id: string, name: string }> } | null };

export type PeopleSearchQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type PeopleSearchQuery = { people: { totalCount: number, edges: Array<{ node: { id: string, name: string, aliases: Array<string>, roles: Array<{ title: string }>, countries: Array<{ id: string, name: string }> } }> } };

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
export const DurationFieldsFragmentDoc = new TypedDocumentString(`
    fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  approximate
  wording
}
    `, {"fragmentName":"DurationFields"}) as unknown as TypedDocumentString<DurationFieldsFragment, unknown>;
export const ClaimFieldsFragmentDoc = new TypedDocumentString(`
    fragment ClaimFields on Claim {
  id
  field
  value
  wording
  excerpt
  preferred
  duration {
    ...DurationFields
  }
  source {
    id
  }
}
    fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  approximate
  wording
}`, {"fragmentName":"ClaimFields"}) as unknown as TypedDocumentString<ClaimFieldsFragment, unknown>;
export const DurationSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment DurationSummaryFields on DurationSummary {
  minutes
  minMinutes
  maxMinutes
  knownCount
  approximateCount
  unknownCount
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
    date
    datePrecision
  }
  lastMeeting {
    id
    date
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
export const TimelineMeetingFieldsFragmentDoc = new TypedDocumentString(`
    fragment TimelineMeetingFields on Meeting {
  id
  title
  date
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
  approximate
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
  quoted
  saidOn
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
    source {
      ...SourceFields
    }
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
}`, {"fragmentName":"StatementFields"}) as unknown as TypedDocumentString<StatementFieldsFragment, unknown>;
export const MeetingPageDocument = new TypedDocumentString(`
    query MeetingPage($id: ID!) {
  meeting(id: $id) {
    id
    title
    kind
    date
    datePrecision
    outcome
    place {
      ...PlaceFields
    }
    duration {
      ...DurationFields
      source {
        ...SourceFields
      }
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
  }
}
    fragment ClaimFields on Claim {
  id
  field
  value
  wording
  excerpt
  preferred
  duration {
    ...DurationFields
  }
  source {
    id
  }
}
fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  approximate
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
  quoted
  saidOn
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
    source {
      ...SourceFields
    }
  }
}`, {"hash":"75d0fff96032e5a713a64ae6383e24ffb7555eb2ebf5e175fc047684e164b679"}) as unknown as TypedDocumentString<MeetingPageQuery, MeetingPageQueryVariables>;
export const PersonPageDocument = new TypedDocumentString(`
    query PersonPage($id: ID!) {
  person(id: $id) {
    ...PersonSummaryFields
    counterparts(first: 24, orderBy: TIME_TOGETHER) {
      ...CounterpartFields
    }
    statements(first: 100) {
      totalCount
      edges {
        node {
          ...StatementFields
        }
      }
    }
    meetings(first: 100, orderBy: DATE_ASC) {
      totalCount
      edges {
        node {
          ...TimelineMeetingFields
        }
      }
    }
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
    date
    datePrecision
  }
  lastMeeting {
    id
    date
    datePrecision
  }
}
fragment DurationFields on Duration {
  minutes
  minMinutes
  maxMinutes
  approximate
  wording
}
fragment DurationSummaryFields on DurationSummary {
  minutes
  minMinutes
  maxMinutes
  knownCount
  approximateCount
  unknownCount
}
fragment TimelineMeetingFields on Meeting {
  id
  title
  date
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
  quoted
  saidOn
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
    source {
      ...SourceFields
    }
  }
}`, {"hash":"375f69f3604dc5fda276b2ab48790d40ec166ba2849402e846b25c4fea630da1"}) as unknown as TypedDocumentString<PersonPageQuery, PersonPageQueryVariables>;
export const PeopleSearchDocument = new TypedDocumentString(`
    query PeopleSearch($search: String, $first: Int) {
  people(search: $search, first: $first) {
    totalCount
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
}`, {"hash":"2d8de887b917e88c00e1cfe4138c7d7d24a861a5a4bb2599c0aae80a42d31c37"}) as unknown as TypedDocumentString<PeopleSearchQuery, PeopleSearchQueryVariables>;