import type { Resolvers } from "../__generated__/resolvers.js";
import type { Context } from "../context.js";
import type { CountryRecord } from "../country/country.js";
import type { MeetingRecord } from "../meeting/meeting.js";
import type { OrganizationRecord } from "../organization/organization.js";
import type { PersonRecord } from "../person/person.js";
import type { PlaceRecord } from "../place/place.js";
import type { StatementRecord } from "../statement/statement.js";
import { searchGraph, type SearchableLabel, type SearchHitRef } from "./search.js";

/** A search result: the member's record, tagged with its GraphQL type. */
export type SearchHit =
  | (PersonRecord & { __typename: "Person" })
  | (MeetingRecord & { __typename: "Meeting" })
  | (StatementRecord & { __typename: "Statement" })
  | (PlaceRecord & { __typename: "Place" })
  | (OrganizationRecord & { __typename: "Organization" })
  | (CountryRecord & { __typename: "Country" });

/** Each label's batch loader: the hits of one label cost one round trip together. */
function loaderFor(label: SearchableLabel, loaders: Context["loaders"]) {
  const byLabel = {
    Person: loaders.personById,
    Meeting: loaders.meetingById,
    Statement: loaders.statementById,
    Place: loaders.placeById,
    Organization: loaders.organizationById,
    Country: loaders.countryById,
  } satisfies Record<SearchableLabel, unknown>;
  return byLabel[label] as { load(id: string): Promise<object | null> };
}

async function hydrate(hit: SearchHitRef, loaders: Context["loaders"]): Promise<SearchHit | null> {
  const record = await loaderFor(hit.label, loaders).load(hit.id);
  return record ? ({ ...record, __typename: hit.label } as SearchHit) : null;
}

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_root, { query, first }, { db, loaders }) => {
      const hits = await Promise.all((await searchGraph(db, query, first)).map((hit) => hydrate(hit, loaders)));
      return hits.filter((hit) => hit !== null);
    },
  },
  SearchResult: {
    __resolveType: (hit) => hit.__typename,
  },
};
