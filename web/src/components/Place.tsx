import { graphql } from "../__generated__";
import { useQuery } from "../api";
import type { PlaceFieldsFragment } from "../__generated__/graphql";

export const PlaceFields = graphql(`
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
`);

/** "Presidential Library, St. Petersburg, Russia"; "place unknown" when no source says. */
export function placeLabel(place: PlaceFieldsFragment | null | undefined): string {
  if (!place) return "place unknown";
  return [place.name, place.within?.name, place.country?.name].filter(Boolean).join(", ");
}

const PlaceName = graphql(`
  query PlaceName($id: ID!) {
    place(id: $id) {
      ...PlaceFields
    }
  }
`);

/** A place a claim names by its id ("kremlin"), shown by name ("Kremlin, Moscow, Russia"); the id only while loading or when unknown. */
export function PlaceByIdText({ id }: { id: string }) {
  const result = useQuery(PlaceName, { id });
  const place = result.status === "done" ? result.data.place : null;
  return <span data-place-id={id}>{place ? placeLabel(place) : id}</span>;
}
