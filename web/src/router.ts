/**
 * Hash routing, so every view has an address that can be shared and survives a reload:
 *   #/?q=…                                   search
 *   #/person/<id>, #/meeting/<id>, #/source/<id>
 *   #/meetings?people=a,b&from=…&to=…&country=…&place=…   who met whom, where, between two dates
 *   #/path?from=<id>&to=<id>                 the chain of meetings linking two people
 *   #/places                                 where meetings happened: countries, regions and cities, sites
 *   #/review, #/review/<source id>           ingested articles with pending proposals, and one article's review
 * Links are plain anchors. A new page is a new entry in `entityPages` or `queryPages` and a line in App.
 */
import { useEffect, useState } from "react";

const entityPages = ["person", "meeting", "source"] as const;
type EntityPage = (typeof entityPages)[number];

const queryPages = ["search", "meetings", "path", "places"] as const;
type QueryPage = (typeof queryPages)[number];

export type Route = { page: EntityPage; id: string } | { page: QueryPage; params: URLSearchParams } | { page: "review"; sourceId: string | null };

function isOneOf<T extends string>(known: readonly T[], page: string | undefined): page is T {
  return known.some((candidate) => candidate === page);
}

export function parseRoute(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?");
  const [, page, id] = path.split("/");
  if (isOneOf(entityPages, page) && id) return { page, id: decodeURIComponent(id) };
  if (page === "review") return { page, sourceId: id ? decodeURIComponent(id) : null };
  if (isOneOf(queryPages, page)) return { page, params: new URLSearchParams(search) };
  return { page: "search", params: new URLSearchParams(search) };
}

/** What the meetings view is asked: all of `people` together, where and between which dates; every part optional. */
export interface MeetingsQuery {
  people: string[];
  from?: string;
  to?: string;
  country?: string;
  place?: string;
}

export function meetingsQueryOf(params: URLSearchParams): MeetingsQuery {
  const optional = (name: string) => params.get(name)?.trim() || undefined;
  return {
    people: (params.get("people") ?? "").split(",").filter(Boolean),
    from: optional("from"),
    to: optional("to"),
    country: optional("country"),
    place: optional("place"),
  };
}

function withParams(path: string, params: Record<string, string | undefined>): string {
  const present = Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]));
  // Commas stay readable in shared addresses (people=a,b): URLSearchParams reads them either way.
  return present.length === 0 ? path : `${path}?${new URLSearchParams(present).toString().replaceAll("%2C", ",")}`;
}

export const href = {
  search: (query = "") => withParams("#/", { q: query }),
  person: (id: string) => `#/person/${encodeURIComponent(id)}`,
  meeting: (id: string) => `#/meeting/${encodeURIComponent(id)}`,
  source: (id: string) => `#/source/${encodeURIComponent(id)}`,
  meetings: ({ people, ...rest }: Partial<MeetingsQuery>) => withParams("#/meetings", { people: people?.join(","), ...rest }),
  path: (from?: string, to?: string) => withParams("#/path", { from, to }),
  places: () => "#/places",
  review: (sourceId?: string) => (sourceId ? `#/review/${encodeURIComponent(sourceId)}` : "#/review"),
};

/** Changes the address without a new history entry (typing in a form), or with one (following a choice). */
export function navigate(to: string, { replace = false } = {}): void {
  if (replace) {
    window.history.replaceState(null, "", to);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    window.location.hash = to;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
