/** Hash routing: #/ (search), #/person/<id>, #/meeting/<id>, #/source/<id>, #/review and #/review/<source id>. Links are plain anchors. */
import { useEffect, useState } from "react";

const pages = ["person", "meeting", "source"] as const;
type EntityPage = (typeof pages)[number];

export type Route = { page: "search"; query: string } | { page: EntityPage; id: string } | { page: "review"; sourceId: string | null };

function isEntityPage(page: string | undefined): page is EntityPage {
  return pages.some((known) => known === page);
}

export function parseRoute(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?");
  const [, page, id] = path.split("/");
  if (isEntityPage(page) && id) return { page, id: decodeURIComponent(id) };
  if (page === "review") return { page, sourceId: id ? decodeURIComponent(id) : null };
  return { page: "search", query: new URLSearchParams(search).get("q") ?? "" };
}

export const href = {
  search: (query = "") => (query ? `#/?q=${encodeURIComponent(query)}` : "#/"),
  person: (id: string) => `#/person/${encodeURIComponent(id)}`,
  meeting: (id: string) => `#/meeting/${encodeURIComponent(id)}`,
  source: (id: string) => `#/source/${encodeURIComponent(id)}`,
  review: (sourceId?: string) => (sourceId ? `#/review/${encodeURIComponent(sourceId)}` : "#/review"),
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
