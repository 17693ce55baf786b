/** How two people are connected: the shortest chain of meetings from one to the other. */
import { graphql } from "../__generated__";
import { useQuery } from "../api";
import { PersonPicker } from "../components/PersonPicker";
import { Status } from "../components/Status";
import { formatDate } from "../format";
import { href, navigate } from "../router";

const ConnectionPathQuery = graphql(`
  query ConnectionPath($from: ID!, $to: ID!) {
    connectionPath(fromId: $from, toId: $to, maxHops: 6) {
      from {
        id
        name
      }
      to {
        id
        name
      }
      meeting {
        id
        title
        heldOn
        datePrecision
      }
    }
  }
`);

function Chain({ from, to }: { from: string; to: string }) {
  const result = useQuery(ConnectionPathQuery, { from, to });
  return (
    <Status state={result}>
      {({ connectionPath }) => {
        if (!connectionPath) return <p className="path-none">No chain of at most 6 meetings links them in the graph.</p>;
        if (connectionPath.length === 0) return <p className="muted">That is the same person.</p>;
        return (
          <>
            <p>{connectionPath.length === 1 ? "They met directly:" : `${connectionPath.length} steps, each a meeting both people of the step attended:`}</p>
            <ol className="path">
              {connectionPath.map((step) => (
                <li key={`${step.from.id}-${step.meeting.id}-${step.to.id}`}>
                  <a href={href.person(step.from.id)}>{step.from.name}</a> met <a href={href.person(step.to.id)}>{step.to.name}</a> at{" "}
                  <a href={href.meeting(step.meeting.id)}>{step.meeting.title}</a>
                  <span className="muted"> ({formatDate(step.meeting.heldOn, step.meeting.datePrecision)})</span>
                </li>
              ))}
            </ol>
            {connectionPath.length === 1 && (
              <p>
                <a href={href.meetings({ people: [from, to] })}>Every meeting of the two, and their time together</a>
              </p>
            )}
          </>
        );
      }}
    </Status>
  );
}

export function PathPage({ from, to }: { from?: string; to?: string }) {
  const change = (next: { from?: string; to?: string }) => {
    const ends = { from, to, ...next };
    navigate(href.path(ends.from, ends.to), { replace: true });
  };
  return (
    <section>
      <h1>How are two people connected?</h1>
      <form className="ask" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>From</legend>
          <PersonPicker label="First person" max={1} selected={from ? [from] : []} onChange={([id]) => change({ from: id })} />
        </fieldset>
        <fieldset>
          <legend>To</legend>
          <PersonPicker label="Second person" max={1} selected={to ? [to] : []} onChange={([id]) => change({ to: id })} />
        </fieldset>
      </form>
      {from && to && <Chain from={from} to={to} />}
    </section>
  );
}
