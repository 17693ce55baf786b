import { graphql } from "../__generated__";
import { usePagedQuery, useQuery } from "../api";
import { CounterpartNetwork } from "../components/CounterpartNetwork";
import { MeetingDateAxis } from "../components/MeetingDateAxis";
import { MeetingTimeline } from "../components/MeetingTimeline";
import { personDescription } from "../components/Person";
import { Relations } from "../components/Relations";
import { Roles } from "../components/Roles";
import { ShowMore } from "../components/ShowMore";
import { Statements } from "../components/Statements";
import { Status } from "../components/Status";
import { href } from "../router";

const PersonPageQuery = graphql(`
  query PersonPage($id: ID!) {
    person(id: $id) {
      ...PersonSummaryFields
      roles {
        ...RoleFields
      }
      relations {
        ...RelationFields
      }
      counterparts(first: 100, orderBy: TIME_TOGETHER) {
        ...CounterpartFields
      }
      counterpartCount
    }
  }
`);

const PersonMeetings = graphql(`
  query PersonMeetings($id: ID!, $first: Int, $after: String) {
    person(id: $id) {
      id
      meetings(first: $first, after: $after, orderBy: DATE_ASC) {
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
  }
`);

const PersonStatements = graphql(`
  query PersonStatements($id: ID!, $first: Int, $after: String) {
    person(id: $id) {
      id
      statements(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...StatementFields
          }
        }
      }
    }
  }
`);

function Timeline({ id }: { id: string }) {
  const list = usePagedQuery(PersonMeetings, { id, first: 50 }, (data) => data.person?.meetings);
  return (
    <section className="person-meetings">
      <h2>Meetings{list.totalCount !== undefined && ` (${list.totalCount})`}</h2>
      <Status state={list.first}>
        {() => (
          <>
            <MeetingDateAxis meetings={list.nodes} />
            <MeetingTimeline meetings={list.nodes} personId={id} />
            <ShowMore list={list} noun="meetings" />
          </>
        )}
      </Status>
    </section>
  );
}

function Said({ id, name }: { id: string; name: string }) {
  const list = usePagedQuery(PersonStatements, { id, first: 20 }, (data) => data.person?.statements);
  return (
    <section className="person-statements">
      <h2>
        What {name} said{list.totalCount !== undefined && ` (${list.totalCount})`}
      </h2>
      <Status state={list.first}>
        {() => (
          <>
            <Statements statements={list.nodes} showMeeting />
            {list.nodes.length > 0 && <ShowMore list={list} noun="statements" />}
          </>
        )}
      </Status>
    </section>
  );
}

/** Who a person is and is tied to, who they met (the network), when, where and for how long (the timeline), and what they said. */
export function PersonPage({ id }: { id: string }) {
  const result = useQuery(PersonPageQuery, { id });
  return (
    <Status state={result}>
      {({ person }) =>
        person ? (
          <article>
            <h1>{person.name}</h1>
            <p className="muted">{personDescription(person)}</p>
            {person.aliases.length > 0 && <p className="aliases">Also referred to as: {person.aliases.join(", ")}</p>}

            <h2>Roles ({person.roles.length})</h2>
            <Roles roles={person.roles} />

            <h2>Relations ({person.relations.length})</h2>
            <Relations relations={person.relations} personName={person.name} />

            <h2>Who {person.name} met</h2>
            <CounterpartNetwork center={person} counterparts={person.counterparts} total={person.counterpartCount} />
            <p>
              <a href={href.path(person.id)}>How is {person.name} connected to someone else?</a>
            </p>

            <Timeline id={person.id} />
            <Said id={person.id} name={person.name} />
          </article>
        ) : (
          <p className="error">No person with the id “{id}”.</p>
        )
      }
    </Status>
  );
}
