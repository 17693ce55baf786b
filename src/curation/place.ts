/** Curating places: a new place for article ingest (a base, a city, a region), within a place or a country. */
import { placeSchema, type SeedPlace } from "../model/entries.js";
import { writePlaces } from "../db/writes.js";
import { INPUT } from "./input.js";
import { checkReferences, lockKey, type MutationPlan, type Reference } from "./transaction.js";
import { Problems, parsed } from "./userErrors.js";

export interface PlaceInput {
  id: string;
  name: string;
  kind: string;
  withinPlaceId?: string | null;
  countryId?: string | null;
}

// A place is only ever created here, never rewritten: its containment is what other facts were placed by.
const PLACE_EXISTS = `MATCH (p:Place {id: $id}) RETURN p.name AS name`;

const placeReferences = (place: SeedPlace): Reference[] => [
  { field: [...INPUT, "withinPlaceId"], label: "Place", id: place.withinPlaceId },
  { field: [...INPUT, "countryId"], label: "Country", id: place.countryId },
];

export const createPlacePlan = (input: PlaceInput): MutationPlan<SeedPlace> => ({
  check: () => {
    const place = parsed(placeSchema, { ...input, withinPlaceId: input.withinPlaceId ?? null, countryId: input.countryId ?? null }, INPUT);
    // Every containment chain ends at a country (docs/graph-model.md).
    if ((place.withinPlaceId === null) === (place.countryId === null)) {
      const problems = new Problems();
      problems.add([...INPUT, "withinPlaceId"], "INVALID", "a place lies within exactly one place or one country");
      problems.throwIfAny();
    }
    return place;
  },
  locks: (place) => [lockKey("Place", place.id)],
  work: async (tx, place) => {
    const problems = new Problems();
    await checkReferences(tx, placeReferences(place), problems);
    const [stored] = await tx.run<{ name: string }>(PLACE_EXISTS, { id: place.id });
    if (stored)
      problems.add([...INPUT, "id"], "CONFLICT", `place ${JSON.stringify(place.id)} exists already (${JSON.stringify(stored.name)}): refer to it instead`);
    problems.throwIfAny();
    await writePlaces(tx.run, [place]);
    return { id: place.id, entityIds: [place.id] };
  },
  references: placeReferences,
});
