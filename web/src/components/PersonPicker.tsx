/**
 * Choose people by typing part of a name or of how the sources call them ("envoy"): the
 * matches appear as you type, the chosen ones as removable chips.
 */
import { useState } from "react";
import { graphql } from "../__generated__";
import { useQuery } from "../api";
import { useDebounced } from "../hooks/useDebounced";
import { personDescription } from "./Person";

const PersonName = graphql(`
  query PersonName($id: ID!) {
    person(id: $id) {
      id
      name
    }
  }
`);

const PeopleSearch = graphql(`
  query PeopleSearch($search: String, $first: Int) {
    people(search: $search, first: $first) {
      edges {
        node {
          ...PersonSummaryFields
        }
      }
    }
  }
`);

function Chip({ id, onRemove }: { id: string; onRemove: () => void }) {
  const result = useQuery(PersonName, { id });
  const name = result.status === "done" ? (result.data.person?.name ?? `unknown person “${id}”`) : id;
  return (
    <span className="chip" data-person-id={id}>
      {name}
      <button type="button" aria-label={`Remove ${name}`} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}

function Suggestions({ search, exclude, onPick }: { search: string; exclude: string[]; onPick: (id: string) => void }) {
  const result = useQuery(PeopleSearch, { search, first: 8 });
  if (result.status !== "done") return null;
  const people = result.data.people.edges.map((edge) => edge.node).filter((person) => !exclude.includes(person.id));
  if (people.length === 0) return <p className="muted suggestions-empty">No one matches “{search}”.</p>;
  return (
    <ul className="suggestions" role="listbox">
      {people.map((person) => (
        <li key={person.id} role="option" aria-selected={false}>
          <button type="button" onClick={() => onPick(person.id)}>
            <strong>{person.name}</strong> <span className="muted">{personDescription(person)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function PersonPicker({
  label,
  selected,
  onChange,
  max = Infinity,
}: {
  label: string;
  selected: string[];
  onChange: (ids: string[]) => void;
  max?: number;
}) {
  const [text, setText] = useState("");
  const search = useDebounced(text.trim(), 200);
  const full = selected.length >= max;
  return (
    <div className="person-picker">
      <span className="chips">
        {selected.map((id) => (
          <Chip key={id} id={id} onRemove={() => onChange(selected.filter((other) => other !== id))} />
        ))}
      </span>
      {!full && <input type="search" aria-label={label} placeholder={label} value={text} onChange={(event) => setText(event.target.value)} />}
      {!full && text.trim() && search && (
        <Suggestions
          search={search}
          exclude={selected}
          onPick={(id) => {
            setText("");
            onChange([...selected, id]);
          }}
        />
      )}
    </div>
  );
}
