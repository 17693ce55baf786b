/** Hash routing: #/ (search), #/person/<id>, #/meeting/<id>. Links are plain anchors. */
import { useEffect, useState } from "react";

export type Route = { page: "search"; query: string } | { page: "person"; id: string } | { page: "meeting"; id: string };

export function parseRoute(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?");
  const [, page, id] = path.split("/");
  if ((page === "person" || page === "meeting") && id) return { page, id: decodeURIComponent(id) };
  return { page: "search", query: new URLSearchParams(search).get("q") ?? "" };
}

export const href = {
  search: (query = "") => (query ? `#/?q=${encodeURIComponent(query)}` : "#/"),
  person: (id: string) => `#/person/${encodeURIComponent(id)}`,
  meeting: (id: string) => `#/meeting/${encodeURIComponent(id)}`,
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
