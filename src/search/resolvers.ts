import type { Resolvers } from "../__generated__/resolvers.js";
import type { CountryRecord } from "../country/country.js";
import type { MeetingRecord } from "../meeting/meeting.js";
import type { OrganizationRecord } from "../organization/organization.js";
import type { PersonRecord } from "../person/person.js";
import type { PlaceRecord } from "../place/place.js";
import type { StatementRecord } from "../statement/statement.js";
import { searchGraph } from "./search.js";

/** A search result: the member's record, tagged with its GraphQL type. */
export type SearchHit =
  | (PersonRecord & { __typename: "Person" })
  | (MeetingRecord & { __typename: "Meeting" })
  | (StatementRecord & { __typename: "Statement" })
  | (PlaceRecord & { __typename: "Place" })
  | (OrganizationRecord & { __typename: "Organization" })
  | (CountryRecord & { __typename: "Country" });

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_root, { query, first }, { db }) =>
      (await searchGraph(db, query, first)).map(({ label, record }) => ({ ...record, __typename: label }) as SearchHit),
  },
  SearchResult: {
    __resolveType: (hit) => hit.__typename,
  },
};
