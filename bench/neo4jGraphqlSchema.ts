/**
 * Contender (c)'s schema: the service's graph (docs/graph-model.md) as @neo4j/graphql 7 type
 * definitions, reduced to what the scenarios read. Generated queries do the work wherever the
 * library can express it; the two @cypher fields hold the same Cypher as the floor, and the
 * results say so.
 */
import { counterpartRows, PATH_STEP_ROWS } from "./scenarios.js";

export const typeDefs = /* GraphQL */ `
  type Person @node @fulltext(indexes: [{ indexName: "meetgraph_search", queryName: "searchPeople", fields: ["searchText"] }]) {
    id: ID!
    name: String!
    aliases: [String!]
    searchText: String
    meetings: [Meeting!]! @relationship(type: "ATTENDED", direction: OUT)
    statements: [Statement!]! @relationship(type: "SAID", direction: OUT)
    countries: [Country!]! @relationship(type: "OF_COUNTRY", direction: OUT)
    roles: [Role!]! @relationship(type: "HOLDS", direction: OUT)
    "Aggregation over a two-hop pattern: not expressible with generated queries."
    counterparts(first: Int = 10): [Counterpart!]! @cypher(statement: """${counterpartRows("this", "$first")}""", columnName: "counterpart")
  }

  type Role @node {
    id: ID!
    title: String!
  }

  type Meeting @node @fulltext(indexes: [{ indexName: "meetgraph_search", queryName: "searchMeetings", fields: ["searchText"] }]) {
    id: ID!
    searchText: String
    title: String!
    kind: String
    date: String!
    datePrecision: String!
    dateStart: Date!
    dateEnd: Date!
    durationMinutes: Int
    durationMinMinutes: Int
    durationMaxMinutes: Int
    durationApproximate: Boolean
    durationWording: String
    durationHedge: String
    participants: [Person!]! @relationship(type: "ATTENDED", direction: IN, properties: "Attendance")
    place: [Place!]! @relationship(type: "HELD_AT", direction: OUT)
    durationClaims: [DurationClaim!]! @relationship(type: "HAS_DURATION", direction: OUT)
  }

  type Attendance @relationshipProperties {
    delegationCountryId: String
  }

  type DurationClaim @node {
    id: ID!
    preferred: Boolean
    figureMinutes: Int
    bound: String
  }

  type Statement @node @fulltext(indexes: [{ indexName: "meetgraph_search", queryName: "searchStatements", fields: ["searchText"] }]) {
    id: ID!
    searchText: String
    text: String!
    saidOn: String
    saidOnStart: Date
    datePrecision: String
    occasion: String
    quoted: Boolean
    speaker: [Person!]! @relationship(type: "SAID", direction: IN)
    meeting: [Meeting!]! @relationship(type: "IN_CONTEXT_OF", direction: OUT)
    wordings: [Wording!]! @relationship(type: "HAS_WORDING", direction: OUT)
  }

  type Wording @node {
    id: ID!
    text: String!
    quoted: Boolean
    attributedTo: String
    basis: String
    note: String
    source: [Source!]! @relationship(type: "FROM", direction: OUT)
  }

  type Source @node {
    id: ID!
    title: String!
    publisher: String
  }

  "WITHIN leads to a place or, at the top, a country: two relationship fields over the same type, told apart by the target label."
  type Place @node @fulltext(indexes: [{ indexName: "meetgraph_search", queryName: "searchPlaces", fields: ["searchText"] }]) {
    id: ID!
    searchText: String
    name: String!
    kind: String
    withinPlace: [Place!]! @relationship(type: "WITHIN", direction: OUT)
    withinCountry: [Country!]! @relationship(type: "WITHIN", direction: OUT)
  }

  type Country @node @fulltext(indexes: [{ indexName: "meetgraph_search", queryName: "searchCountries", fields: ["searchText"] }]) {
    id: ID!
    name: String!
    searchText: String
  }

  type Organization @node @fulltext(indexes: [{ indexName: "meetgraph_search", queryName: "searchOrganizations", fields: ["searchText"] }]) {
    id: ID!
    name: String!
    kind: String
    searchText: String
    country: [Country!]! @relationship(type: "BASED_IN", direction: OUT)
  }

  type PersonSummary {
    id: ID!
    name: String!
  }

  type MeetingSummary {
    id: ID!
    title: String!
    date: String!
  }

  type DurationSummary {
    minutes: Int!
    minMinutes: Int!
    maxMinutes: Int
    knownCount: Int!
    approximateCount: Int!
    unknownCount: Int!
  }

  type Counterpart {
    person: PersonSummary!
    meetingCount: Int!
    time: DurationSummary!
  }

  type PathStep {
    from: PersonSummary!
    to: PersonSummary!
    meeting: MeetingSummary!
  }

  type Query {
    "Shortest paths are not expressible with generated queries."
    connectionPath(fromId: ID!, toId: ID!): [PathStep!]! @cypher(statement: """${PATH_STEP_ROWS}""", columnName: "step")
  }
`;
