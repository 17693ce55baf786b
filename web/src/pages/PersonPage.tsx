import { graphql } from "../__generated__";
import { useQuery } from "../api";
import { CounterpartNetwork } from "../components/CounterpartNetwork";
import { MeetingTimeline } from "../components/MeetingTimeline";
import { personDescription } from "../components/Person";
import { Roles } from "../components/Roles";
import { Statements } from "../components/Statements";
import { Status } from "../components/Status";

const PersonPageQuery = graphql(`
  query PersonPage($id: ID!) {
    person(id: $id) {
      ...PersonSummaryFields
      roles {
        ...RoleFields
      }
      counterparts(first: 24, orderBy: TIME_TOGETHER) {
        ...CounterpartFields
      }
      statements(first: 100) {
        totalCount
        edges {
          node {
            ...StatementFields
          }
        }
      }
      meetings(first: 100, orderBy: DATE_ASC) {
        totalCount
        edges {
          node {
            ...TimelineMeetingFields
          }
        }
      }
    }
  }
`);

/** Who a person met (the network), when, where and for how long (the timeline), and what they said. */
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

            <h2>Who {person.name} met</h2>
            <CounterpartNetwork center={person} counterparts={person.counterparts} />

            <h2>Meetings ({person.meetings.totalCount})</h2>
            <MeetingTimeline meetings={person.meetings.edges.map((edge) => edge.node)} personId={person.id} />

            <h2>What {person.name} said ({person.statements.totalCount})</h2>
            <Statements statements={person.statements.edges.map((edge) => edge.node)} showMeeting />
          </article>
        ) : (
          <p className="error">No person with the id “{id}”.</p>
        )
      }
    </Status>
  );
}
