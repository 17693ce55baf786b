/**
 * What full-text search finds, grouped by kind (people, meetings, quotes, places, countries,
 * organizations), best match first within each, each linked to where a reader
 * goes next (a place or a country: the meetings held there).
 */
import { useState, type ReactNode } from "react";
import { graphql } from "../__generated__";
import type { SearchEverythingQuery } from "../__generated__/graphql";
import { useQuery } from "../api";
import { formatDate } from "../format";
import { href } from "../router";
import { PersonList } from "./Person";
import { placeLabel } from "./Place";
import { Status } from "./Status";

const SearchEverything = graphql(`
  query SearchEverything($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      __typename
      ... on Person {
        ...PersonSummaryFields
      }
      ... on Meeting {
        id
        title
        heldOn
        datePrecision
        place {
          ...PlaceFields
        }
      }
      ... on Statement {
        id
        text
        quoted
        madeOn
        # Aliased: a meeting's datePrecision is never null, a statement's may be, and one selection cannot be both.
        madeOnPrecision: datePrecision
        speaker {
          id
          name
        }
        meeting {
          id
          title
        }
      }
      ... on Place {
        ...PlaceFields
        kind
      }
      ... on Country {
        id
        name
      }
      ... on Organization {
        id
        name
        kind
        country {
          id
          name
        }
      }
    }
  }
`);

type Hit = SearchEverythingQuery["search"][number];
type HitOf<K extends Hit["__typename"]> = Extract<Hit, { __typename: K }>;

/** The API answers at most this many results; more is asked for a page at a time. */
const pageSize = 20;
const mostResults = 100;

function ofKind<K extends Hit["__typename"]>(hits: Hit[], kind: K): HitOf<K>[] {
  return hits.filter((hit): hit is HitOf<K> => hit.__typename === kind);
}

function Group({ kind, title, count, children }: { kind: string; title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="results" data-kind={kind}>
      <h2>
        {title} ({count})
      </h2>
      {children}
    </section>
  );
}

function Meetings({ meetings }: { meetings: HitOf<"Meeting">[] }) {
  return (
    <ul className="hits">
      {meetings.map((meeting) => (
        <li key={meeting.id} data-meeting-id={meeting.id}>
          <a href={href.meeting(meeting.id)}>{meeting.title}</a>
          <span className="muted">
            {" "}
            {formatDate(meeting.heldOn, meeting.datePrecision)} · {placeLabel(meeting.place)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Quotes({ statements }: { statements: HitOf<"Statement">[] }) {
  return (
    <ul className="hits quotes">
      {statements.map((statement) => (
        <li key={statement.id} data-statement-id={statement.id}>
          {statement.quoted ? <q className="said">{statement.text}</q> : <span className="said paraphrase">{statement.text}</span>}
          <div className="muted">
            <a href={href.person(statement.speaker.id)}>{statement.speaker.name}</a>
            {statement.madeOn && statement.madeOnPrecision && <>, {formatDate(statement.madeOn, statement.madeOnPrecision)}</>}
            {statement.meeting && (
              <>
                , about <a href={href.meeting(statement.meeting.id)}>{statement.meeting.title}</a>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Places({ places }: { places: HitOf<"Place">[] }) {
  return (
    <ul className="hits">
      {places.map((place) => (
        <li key={place.id} data-place-id={place.id}>
          <a href={href.meetings({ place: place.id })}>{placeLabel(place)}</a>
          <span className="muted"> {place.kind} · meetings held there</span>
        </li>
      ))}
    </ul>
  );
}

function Countries({ countries }: { countries: HitOf<"Country">[] }) {
  return (
    <ul className="hits">
      {countries.map((country) => (
        <li key={country.id} data-country-id={country.id}>
          <a href={href.meetings({ country: country.id })}>{country.name}</a>
          <span className="muted"> meetings held there</span>
        </li>
      ))}
    </ul>
  );
}

function Organizations({ organizations }: { organizations: HitOf<"Organization">[] }) {
  return (
    <ul className="hits">
      {organizations.map((organization) => (
        <li key={organization.id} data-organization-id={organization.id}>
          <strong>{organization.name}</strong>
          <span className="muted"> {[organization.kind, organization.country?.name].filter(Boolean).join(" · ")}</span>
          {organization.country && (
            <>
              {" "}
              <a href={href.meetings({ country: organization.country.id })}>meetings in {organization.country.name}</a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function SearchResults({ query }: { query: string }) {
  const [first, setFirst] = useState(pageSize);
  const result = useQuery(SearchEverything, { query, first });
  return (
    <Status state={result}>
      {({ search }) => {
        const mayHaveMore = search.length === first && first < mostResults;
        return (
          <>
            <p className="muted">
              {search.length === 0 ? `Nothing found for “${query}”` : `${search.length}${mayHaveMore ? "+" : ""} found for “${query}”, best match first`}
            </p>
            <Group kind="Person" title="People" count={ofKind(search, "Person").length}>
              <PersonList people={ofKind(search, "Person")} />
            </Group>
            <Group kind="Meeting" title="Meetings" count={ofKind(search, "Meeting").length}>
              <Meetings meetings={ofKind(search, "Meeting")} />
            </Group>
            <Group kind="Statement" title="Quotes and statements" count={ofKind(search, "Statement").length}>
              <Quotes statements={ofKind(search, "Statement")} />
            </Group>
            <Group kind="Place" title="Places" count={ofKind(search, "Place").length}>
              <Places places={ofKind(search, "Place")} />
            </Group>
            <Group kind="Country" title="Countries" count={ofKind(search, "Country").length}>
              <Countries countries={ofKind(search, "Country")} />
            </Group>
            <Group kind="Organization" title="Organizations" count={ofKind(search, "Organization").length}>
              <Organizations organizations={ofKind(search, "Organization")} />
            </Group>
            {mayHaveMore && (
              <div className="show-more">
                <button type="button" onClick={() => setFirst(first + pageSize)}>
                  Show more results
                </button>
              </div>
            )}
            {search.length === mostResults && <p className="muted">Showing the best {mostResults}: add words to narrow the search.</p>}
          </>
        );
      }}
    </Status>
  );
}
