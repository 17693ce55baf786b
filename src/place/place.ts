/** Places: where meetings are held, each within another place or, at the top, a country. */
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
}

/** A place's links, each a walk: one hop up, and up to the country however deep. */
const PLACE_LINKS = {
  within: "withinId: [(p)-[:WITHIN]->(parent:Place) | parent.id][0]",
  country: "countryId: [(p)-[:WITHIN*1..]->(c:Country) | c.id][0]",
};
export type PlaceLink = keyof typeof PLACE_LINKS;
export const PLACE_LINK_NAMES = Object.keys(PLACE_LINKS) as PlaceLink[];

/** Projects place `p` into a PlaceRecord with the links given. */
export const placeFields = (links: PlaceLink[]) => `p {.id, .name, .kind${links.map((link) => `, ${PLACE_LINKS[link]}`).join("")}}`;

export const PLACE_FIELDS = placeFields(PLACE_LINK_NAMES);

const PLACES_BY_ID = byIdCypher("p", "Place", PLACE_FIELDS);

type PlaceLoaders = ReturnType<typeof createPlaceLoaders>;

/** The id a link of `place` points to, read by id when the record came without it. */
export async function placeLink(place: PlaceRecord, field: "withinId" | "countryId", { placeById }: PlaceLoaders): Promise<string | null> {
  if (place[field] !== undefined) return place[field];
  return (await placeById.load(place.id))?.[field] ?? null;
}

export function createPlaceLoaders(db: Neo4jExecutor) {
  return {
    placeById: nodesById<PlaceRecord>(db, "places.byId", PLACES_BY_ID),
    countryPlaceIds: listsById<string>(db, "countries.placeIds", relatedIds("(x:Place)-[:WITHIN*1..]->(:Country {id: id})", "x.name, x.id")),
  };
}
