import { useEffect, useState } from "react";
import { graphql } from "../__generated__";
import { usePagedQuery } from "../api";
import { PersonList } from "../components/Person";
import { SearchResults } from "../components/SearchResults";
import { ShowMore } from "../components/ShowMore";
import { Status } from "../components/Status";
import { useDebounced } from "../hooks/useDebounced";
import { href } from "../router";

const Everyone = graphql(`
  query Everyone($first: Int, $after: String) {
    people(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PersonSummaryFields
        }
      }
    }
  }
`);

/** With nothing typed: everyone in the graph, page by page. */
function EveryoneList() {
  const list = usePagedQuery(Everyone, { first: 50 }, (data) => data.people);
  return (
    <Status state={list.first}>
      {() => (
        <>
          <p className="muted">Everyone in the graph ({list.totalCount})</p>
          <PersonList people={list.nodes} />
          <ShowMore list={list} noun="people" />
        </>
      )}
    </Status>
  );
}

/** Search everything: people by name or how the sources describe them, meetings, quotes, places, countries and organizations. */
export function SearchPage({ initialQuery }: { initialQuery: string }) {
  const [text, setText] = useState(initialQuery);
  const search = useDebounced(text.trim(), 250);

  // Keep the search in the address, so Back from a result returns to the same results.
  useEffect(() => {
    window.history.replaceState(null, "", href.search(search));
  }, [search]);

  return (
    <section>
      <h1>Search</h1>
      <input
        className="search"
        type="search"
        autoFocus
        placeholder="A name, a place, words said: Witkoff, Kremlin aide, compromise, Moscow"
        aria-label="Search"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <p className="muted ask">
        Or ask: <a href={href.meetings({})}>who met whom, where, between two dates</a> · <a href={href.path()}>how two people are connected</a>
      </p>
      {search ? <SearchResults key={search} query={search} /> : <EveryoneList />}
    </section>
  );
}
