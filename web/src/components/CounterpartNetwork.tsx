/**
 * Who met whom, as a drawing: the person in the middle, the people they spent most time with
 * around them (the rest summarised, and all of them in the table), and an edge per counterpart
 * as thick as their known time together. An edge with no known
 * duration at all is dashed: its time is unknown, not zero.
 */
import { useState } from "react";
import { graphql } from "../__generated__";
import type { CounterpartFieldsFragment } from "../__generated__/graphql";
import { formatDate, formatSummary } from "../format";
import { href } from "../router";
import { DurationSummaryText } from "./Duration";

export const CounterpartFields = graphql(`
  fragment CounterpartFields on Counterpart {
    person {
      id
      name
    }
    meetingCount
    time {
      ...DurationSummaryFields
    }
    firstMeeting {
      id
      heldOn
      datePrecision
    }
    lastMeeting {
      id
      heldOn
      datePrecision
    }
  }
`);

const width = 900;
const height = 460;
const center = { x: width / 2, y: height / 2 - 10 };
/** Drawn around the person; the rest are summarised under the drawing and listed in the table. */
const drawnCount = 12;
/** Rows of the table before "show all". */
const tableRows = 24;

/**
 * Two columns, the most time together at the top: even ranks on the right, odd on the left,
 * evenly spaced, labels facing outwards. Rows are further apart than a two-line label is tall,
 * so labels never overlap however many counterparts there are.
 */
function columnPosition(index: number, count: number) {
  const right = index % 2 === 0;
  const rows = Math.ceil(count / 2);
  const row = Math.floor(index / 2);
  const top = 40;
  const usable = height - 2 * top;
  return { x: right ? 550 : 350, y: top + ((row + 0.5) * usable) / rows, right };
}

function meetingsLabel(count: number): string {
  return count === 1 ? "1 meeting" : `${count} meetings`;
}

/** "and 88 others": everyone not drawn, counted by the API beyond the page it listed. */
function othersLabel(shown: number, total: number): string | null {
  const others = total - shown;
  if (others <= 0) return null;
  return `and ${others} ${others === 1 ? "other" : "others"}`;
}

export function CounterpartNetwork({
  center: person,
  counterparts,
  total,
}: {
  center: { id: string; name: string };
  counterparts: CounterpartFieldsFragment[];
  total: number;
}) {
  const [showAll, setShowAll] = useState(false);
  if (counterparts.length === 0) return <p className="muted">No meetings with anyone else on record.</p>;
  const drawn = counterparts.slice(0, drawnCount);
  const others = othersLabel(drawn.length, total);
  const rows = showAll ? counterparts : counterparts.slice(0, tableRows);
  /** Counted by the API (counterpartCount) but beyond the page it listed. */
  const unlisted = total - counterparts.length;
  const longest = Math.max(1, ...drawn.map((counterpart) => counterpart.time.minutes));
  return (
    <>
      <svg className="network" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Network of the people ${person.name} met`}>
        {drawn.map((counterpart, index) => {
          const at = columnPosition(index, drawn.length);
          const unknownOnly = counterpart.time.knownCount === 0;
          return (
            <line
              key={counterpart.person.id}
              className={unknownOnly ? "edge unknown" : "edge"}
              x1={center.x}
              y1={center.y}
              x2={at.x}
              y2={at.y}
              strokeWidth={unknownOnly ? 1.5 : 2 + (12 * counterpart.time.minutes) / longest}
            />
          );
        })}
        <circle className="node center" cx={center.x} cy={center.y} r={22} />
        <text className="label center" x={center.x} y={center.y + 42} textAnchor="middle">
          {person.name}
        </text>
        {drawn.map((counterpart, index) => {
          const at = columnPosition(index, drawn.length);
          const dx = at.right ? 18 : -18;
          return (
            <a key={counterpart.person.id} href={href.person(counterpart.person.id)} className="counterpart" data-person-id={counterpart.person.id}>
              <circle className="node" cx={at.x} cy={at.y} r={8 + Math.min(counterpart.meetingCount, 6) * 1.5} />
              <text className="label" x={at.x + dx} y={at.y - 4} textAnchor={at.right ? "start" : "end"}>
                <tspan className="name">{counterpart.person.name}</tspan>
                <tspan x={at.x + dx} dy="1.25em" className="detail">
                  {meetingsLabel(counterpart.meetingCount)} · {formatSummary(counterpart.time, { compact: true })}
                </tspan>
              </text>
            </a>
          );
        })}
        {others && (
          <text className="label others" x={center.x} y={height - 14} textAnchor="middle">
            {others}, by time together: see the table
          </text>
        )}
      </svg>
      <div className="scroll">
        <table className="counterparts">
          <thead>
            <tr>
              <th>Met</th>
              <th>Meetings</th>
              <th>Time together</th>
              <th>First</th>
              <th>Last</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((counterpart) => (
              <tr key={counterpart.person.id}>
                <td>
                  <a href={href.person(counterpart.person.id)}>{counterpart.person.name}</a>
                </td>
                <td>{counterpart.meetingCount}</td>
                <td>
                  <DurationSummaryText summary={counterpart.time} />
                </td>
                <td>
                  <a href={href.meeting(counterpart.firstMeeting.id)}>{formatDate(counterpart.firstMeeting.heldOn, counterpart.firstMeeting.datePrecision)}</a>
                </td>
                <td>
                  <a href={href.meeting(counterpart.lastMeeting.id)}>{formatDate(counterpart.lastMeeting.heldOn, counterpart.lastMeeting.datePrecision)}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(rows.length < counterparts.length || unlisted > 0) && (
        <div className="show-more">
          <span className="muted count">
            {rows.length} of {total} shown
          </span>
          {rows.length < counterparts.length && (
            <button type="button" onClick={() => setShowAll(true)}>
              {unlisted > 0 ? `Show the top ${counterparts.length}` : `Show all ${counterparts.length}`}
            </button>
          )}
          {rows.length === counterparts.length && unlisted > 0 && (
            <span className="muted unlisted">
              The API lists the {counterparts.length} with most time together; the other {unlisted} are among{" "}
              <a href={href.meetings({ people: [person.id] })}>all of {person.name}'s meetings</a>.
            </span>
          )}
        </div>
      )}
    </>
  );
}
