/** Places: where meetings are held, each within another place or, at the top, a country. */
import { COUNTRY_FIELDS, type CountryRecord } from "../country/country.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { byIdCypher, relatedIds } from "../db/connections.js";
import { listsById, nodesById } from "../db/loaders.js";

export interface PlaceRecord {
  id: string;
  name: string;
  kind: string | null;
  /** Absent when the statement that read the place left it out (a page whose client did not select it); see placeLink. */
  withinId?: string | null;
  countryId?: string | null;
  /** The linked records themselves, read with the place when the client selected fields of them (see placeFields). */
  within?: PlaceRecord | null;
  country?: CountryRecord | null;
}

const PLACE_OWN_FIELDS = ".id, .name, .kind";

/**
 * A place's links, each a walk: one hop up, and up to the country however deep; read as the
 * linked node's id, or as its record when the client selects its fields, which then need no
 * statement of their own.
 */
const PLACE_LINKS = {
  within: {
    id: "withinId: [(p)-[:WITHIN]->(parent:Place) | parent.id][0]",
    record: `within: [(p)-[:WITHIN]->(parent:Place) | parent {${PLACE_OWN_FIELDS}}][0]`,
  },
  country: { id: "countryId: [(p)-[:WITHIN*1..]->(c:Country) | c.id][0]", record: `country: [(p)-[:WITHIN*1..]->(c:Country) | ${COUNTRY_FIELDS}][0]` },
};
export type PlaceLink = keyof typeof PLACE_LINKS;
export const PLACE_LINK_NAMES = Object.keys(PLACE_LINKS) as PlaceLink[];

/** Projects place `p` into a PlaceRecord with the links given, as ids, and those in `records` as records. */
export const placeFields = (links: PlaceLink[], records: PlaceLink[] = []) =>
  `p {${[PLACE_OWN_FIELDS, ...links.map((link) => PLACE_LINKS[link][records.includes(link) ? "record" : "id"])].join(", ")}}`;

export const PLACE_FIELDS = placeFields(PLACE_LINK_NAMES);

const PLACES_BY_ID = byIdCypher("p", "Place", PLACE_FIELDS);

type PlaceLoaders = ReturnType<typeof createPlaceLoaders>;

/** The id a link of `place` points to: as the record came with it, else read by id. */
export async function placeLink(place: PlaceRecord, link: PlaceLink, { placeById }: PlaceLoaders): Promise<string | null> {
  const field = `${link}Id` as const;
  if (place[field] !== undefined) return place[field];
  if (place[link] !== undefined) return place[link]?.id ?? null;
  return (await placeById.load(place.id))?.[field] ?? null;
}

export function createPlaceLoaders(db: Neo4jExecutor) {
  return {
    placeById: nodesById<PlaceRecord>(db, "places.byId", PLACES_BY_ID),
    countryPlaceIds: listsById<string>(db, "countries.placeIds", relatedIds("(x:Place)-[:WITHIN*1..]->(:Country {id: id})", "x.name, x.id")),
  };
}
