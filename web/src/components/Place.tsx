import { graphql } from "../__generated__";
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
