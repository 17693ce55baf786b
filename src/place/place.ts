/** Places: where meetings are held, each within another place or, at the top, a country. */
import type { Neo4jExecutor } from "../db/executor.js";
import { byIdCypher, relatedIds } from "../graphql/cypher.js";
import { listsById, nodesById } from "../graphql/loaders.js";

export interface PlaceRecord {
  id: string;
  name: string;
  kind: string | null;
  withinId: string | null;
  countryId: string | null;
}

/** Projects place `p` into a PlaceRecord. */
export const PLACE_FIELDS = `p {
  .id, .name, .kind,
  withinId: [(p)-[:WITHIN]->(parent:Place) | parent.id][0],
  countryId: [(p)-[:WITHIN*1..]->(c:Country) | c.id][0]
}`;

const PLACES_BY_ID = byIdCypher("p", "Place", PLACE_FIELDS);

export function createPlaceLoaders(db: Neo4jExecutor) {
  return {
    placeById: nodesById<PlaceRecord>(db, "places.byId", PLACES_BY_ID),
    countryPlaceIds: listsById<string>(db, "countries.placeIds", relatedIds("(x:Place)-[:WITHIN*1..]->(:Country {id: id})", "x.name, x.id")),
  };
}
