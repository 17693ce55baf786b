import { useEffect, useState } from "react";
import type { PickerSearchQuery as PickerSearchResult } from "../__generated__/graphql";
import { execute } from "../api";
import { PickerSearchQuery } from "./documents";

type Hit = PickerSearchResult["search"][number];
type Pickable = "Person" | "Place";
export interface Picked {
  id: string;
  label: string;
}

function describe(hit: Hit): string | null {
  if (hit.__typename === "Person") return hit.aliases.length > 0 ? `also ${hit.aliases.join(", ")}` : null;
  if (hit.__typename === "Place") return [hit.kind, hit.within?.name, hit.country?.name].filter(Boolean).join(", ");
  return null;
}

/** Search-as-you-type over the graph's people or places (the API's full-text `search`); choosing one hands its id up. */
export function EntityPicker({
  kind,
  label,
  picked,
  onPick,
}: {
  kind: Pickable;
  label: string;
  picked: Picked | null;
  onPick: (picked: Picked | null) => void;
}) {
  const [text, setText] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  useEffect(() => {
    const query = text.trim();
    if (!query) return setHits([]);
    const controller = new AbortController();
    // Waits for typing to pause, so each keystroke does not send a request.
    const timer = setTimeout(() => {
      execute(PickerSearchQuery, { query }, controller.signal).then(
        ({ search }) => setHits(search.filter((hit) => hit.__typename === kind)),
        () => setHits([]),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, kind]);

  if (picked) {
    return (
      <div className="picked">
        {label}: <strong>{picked.label}</strong> <span className="muted">({picked.id})</span>{" "}
        <button type="button" onClick={() => onPick(null)}>
          Change
        </button>
      </div>
    );
  }
  return (
    <div className="picker">
      <label>
        {label}
        <input
          type="search"
          value={text}
          placeholder={`Search ${kind === "Person" ? "people" : "places"} by name`}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {hits.length > 0 && (
        <ul role="listbox" aria-label={`${label}: matches`}>
          {hits.map((hit) =>
            hit.__typename === "Person" || hit.__typename === "Place" ? (
              <li
                key={hit.id}
                role="option"
                aria-selected={false}
                tabIndex={0}
                onClick={() => onPick({ id: hit.id, label: hit.name })}
                onKeyDown={(event) => {
                  if (event.key === "Enter") onPick({ id: hit.id, label: hit.name });
                }}
              >
                {hit.name} <span className="muted">{describe(hit)}</span>
              </li>
            ) : null,
          )}
        </ul>
      )}
    </div>
  );
}
