/**
 * Where meetings happened, as a tree: countries, the regions and cities within them, the sites
 * within those, each with how many meetings it saw and a link to them in the who-met-whom view.
 * One query brings the whole tree: every country with every place in it at any depth, and the
 * tree is built here from each place's `within`.
 */
import { graphql } from "../__generated__";
import type { PlaceTreeQuery } from "../__generated__/graphql";
import { useQuery } from "../api";
import { Status } from "../components/Status";
import { href } from "../router";

const PlaceTree = graphql(`
  query PlaceTree {
    countries {
      id
      name
      meetings(first: 0) {
        totalCount
      }
      places {
        id
        name
        kind
        within {
          id
        }
        meetings(first: 0) {
          totalCount
        }
      }
    }
  }
`);

type PlaceEntry = PlaceTreeQuery["countries"][number]["places"][number];

const meetingCount = (count: number) => (count === 1 ? "1 meeting" : `${count} meetings`);

/** Places by the place they lie in (`null`: directly in the country), those without meetings left out, by name as the API gives them. */
function placesByParent(places: readonly PlaceEntry[]): Map<string | null, PlaceEntry[]> {
  const ids = new Set(places.map((place) => place.id));
  const children = new Map<string | null, PlaceEntry[]>();
  for (const place of places) {
    if (place.meetings.totalCount === 0) continue;
    // A place whose parent is not among the country's places would be lost: it hangs from the country instead.
    const parent = place.within && ids.has(place.within.id) ? place.within.id : null;
    children.set(parent, [...(children.get(parent) ?? []), place]);
  }
  return children;
}

function Places({ parent, tree }: { parent: string | null; tree: Map<string | null, PlaceEntry[]> }) {
  const places = tree.get(parent);
  if (!places) return null;
  return (
    <ul>
      {places.map((place) => (
        <li key={place.id} data-place-id={place.id}>
          <a href={href.meetings({ place: place.id })}>{place.name}</a>
          {place.kind && <span className="muted"> {place.kind}</span>}
          <span className="count"> · {meetingCount(place.meetings.totalCount)}</span>
          <Places parent={place.id} tree={tree} />
        </li>
      ))}
    </ul>
  );
}

export function PlacesPage() {
  const result = useQuery(PlaceTree, {});
  return (
    <>
      <h1>Where meetings happened</h1>
      <p className="muted">
        Each count includes the meetings held anywhere within the place: a country’s those of its cities, a city’s those of its buildings. Countries and places
        where no meeting is known are left out.
      </p>
      <Status state={result}>
        {({ countries }) => (
          <ul className="place-tree">
            {countries
              .filter((country) => country.meetings.totalCount > 0)
              .map((country) => (
                <li key={country.id} data-country-id={country.id}>
                  <a href={href.meetings({ country: country.id })}>{country.name}</a>
                  <span className="count"> · {meetingCount(country.meetings.totalCount)}</span>
                  <Places parent={null} tree={placesByParent(country.places)} />
                </li>
              ))}
          </ul>
        )}
      </Status>
    </>
  );
}
