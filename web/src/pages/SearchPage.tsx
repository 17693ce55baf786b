import { useEffect, useState } from "react";
import { graphql } from "../__generated__";
import { useQuery } from "../api";
import { personDescription } from "../components/Person";
import { Status } from "../components/Status";
import { href } from "../router";

const PeopleSearch = graphql(`
  query PeopleSearch($search: String, $first: Int) {
    people(search: $search, first: $first) {
      totalCount
      edges {
        node {
          ...PersonSummaryFields
        }
      }
    }
  }
`);

/** Waits until typing pauses, so each keystroke does not send a request. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Find a person by name or by how the sources refer to them ("special envoy", "Kremlin aide"). */
export function SearchPage({ initialQuery }: { initialQuery: string }) {
  const [text, setText] = useState(initialQuery);
  const search = useDebounced(text.trim(), 250);
  const result = useQuery(PeopleSearch, { search: search || null, first: 50 });

  // Keep the search in the address, so Back from a person returns to the same results.
  useEffect(() => {
    window.history.replaceState(null, "", href.search(search));
  }, [search]);

  return (
    <section>
      <h1>Find a person</h1>
      <input
        className="search"
        type="search"
        autoFocus
        placeholder="Name or description, e.g. Witkoff, special envoy, Kremlin aide"
        aria-label="Search people"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <Status state={result}>
        {({ people }) => (
          <>
            <p className="muted">{search ? `${people.totalCount} found for “${search}”` : `Everyone in the graph (${people.totalCount})`}</p>
            <ul className="people">
              {people.edges.map(({ node }) => (
                <li key={node.id}>
                  <a href={href.person(node.id)}>{node.name}</a>
                  <span className="muted"> {personDescription(node)}</span>
                  {node.aliases.length > 0 && <div className="aliases">also: {node.aliases.join(", ")}</div>}
                </li>
              ))}
            </ul>
          </>
        )}
      </Status>
    </section>
  );
}
