/**
 * The central questions in one view: who met whom (all the chosen people together), where (a
 * country or a place, anywhere within it) and between which dates, with the meetings page by
 * page and, for two or more people, their time together. Every choice is in the address.
 */
import { useId, type ReactNode } from "react";
import { graphql } from "../__generated__";
import type { MeetingFilter } from "../__generated__/graphql";
import { useQuery, usePagedQuery } from "../api";
import { MeetingTimeline } from "../components/MeetingTimeline";
import { PersonPicker } from "../components/PersonPicker";
import { ShowMore } from "../components/ShowMore";
import { Status } from "../components/Status";
import { TimeTogether } from "../components/TimeTogether";
import { href, navigate, type MeetingsQuery } from "../router";

const MeetingsFound = graphql(`
  query MeetingsFound($filter: MeetingFilter, $first: Int, $after: String) {
    meetings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...TimelineMeetingFields
        }
      }
    }
  }
`);

const WhereChoices = graphql(`
  query WhereChoices($country: ID!, $withCountry: Boolean!, $place: ID!, $withPlace: Boolean!) {
    countries {
      id
      name
    }
    country(id: $country) @include(if: $withCountry) {
      places {
        id
        name
        within {
          name
        }
      }
    }
    place(id: $place) @include(if: $withPlace) {
      ...PlaceFields
    }
  }
`);

function filterOf(query: MeetingsQuery): MeetingFilter {
  return {
    participantIds: query.people.length > 0 ? query.people : undefined,
    from: query.from,
    to: query.to,
    countryId: query.country,
    placeId: query.place,
  };
}

/** A labelled control; the label names only the control (a select's options are not part of its name). */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** Country and place: a place chosen elsewhere (a search result) shows by name even when its country is not chosen. */
function WhereFields({ query, change }: { query: MeetingsQuery; change: (next: Partial<MeetingsQuery>) => void }) {
  const choices = useQuery(WhereChoices, {
    country: query.country ?? "",
    withCountry: Boolean(query.country),
    place: query.place ?? "",
    withPlace: Boolean(query.place),
  });
  if (choices.status !== "done") return null;
  const { countries, country, place } = choices.data;
  const placeInList = country?.places.some((candidate) => candidate.id === query.place);
  return (
    <>
      <Field label="Country">
        {(id) => (
          <select id={id} value={query.country ?? ""} onChange={(event) => change({ country: event.target.value || undefined, place: undefined })}>
            <option value="">anywhere</option>
            {countries.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {country && (
        <Field label="Place">
          {(id) => (
            <select id={id} value={placeInList ? query.place : ""} onChange={(event) => change({ place: event.target.value || undefined })}>
              <option value="">anywhere in the country</option>
              {country.places.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {[candidate.name, candidate.within?.name].filter(Boolean).join(", ")}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {place && !placeInList && (
        <span className="chip" data-place-id={place.id}>
          {[place.name, place.country?.name].filter(Boolean).join(", ")}
          <button type="button" aria-label={`Remove ${place.name}`} onClick={() => change({ place: undefined })}>
            ×
          </button>
        </span>
      )}
    </>
  );
}

function Found({ query }: { query: MeetingsQuery }) {
  const list = usePagedQuery(MeetingsFound, { filter: filterOf(query), first: 50 }, (data) => data.meetings);
  return (
    <Status state={list.first}>
      {() => (
        <section className="found">
          <h2>Meetings ({list.totalCount})</h2>
          <MeetingTimeline meetings={list.nodes} />
          <ShowMore list={list} noun="meetings" />
        </section>
      )}
    </Status>
  );
}

export function MeetingsPage({ query }: { query: MeetingsQuery }) {
  const change = (next: Partial<MeetingsQuery>) => navigate(href.meetings({ ...query, ...next }), { replace: true });
  return (
    <section>
      <h1>Who met whom, where, when</h1>
      <form className="ask" onSubmit={(event) => event.preventDefault()}>
        <fieldset className="people-field">
          <legend>People who met (all of them together)</legend>
          <PersonPicker label="Add a person" selected={query.people} onChange={(people) => change({ people })} />
        </fieldset>
        <Field label="From">
          {(id) => <input id={id} type="date" value={query.from ?? ""} onChange={(event) => change({ from: event.target.value || undefined })} />}
        </Field>
        <Field label="To">
          {(id) => <input id={id} type="date" value={query.to ?? ""} onChange={(event) => change({ to: event.target.value || undefined })} />}
        </Field>
        <WhereFields query={query} change={change} />
      </form>
      {query.people.length >= 2 && <TimeTogether people={query.people} filter={filterOf(query)} />}
      <Found query={query} />
    </section>
  );
}
