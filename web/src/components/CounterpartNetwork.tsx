/**
 * Who met whom, as a drawing: the person in the middle, everyone they met around them, and
 * an edge per counterpart as thick as their known time together. An edge with no known
 * duration at all is dashed: its time is unknown, not zero.
 */
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
      date
      datePrecision
    }
    lastMeeting {
      id
      date
      datePrecision
    }
  }
`);

const width = 900;
const height = 440;
const center = { x: width / 2, y: height / 2 };
const radius = { x: 250, y: 160 };

/** Evenly around an ellipse, starting at the top, clockwise. */
function ringPosition(index: number, count: number) {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return { x: center.x + radius.x * Math.cos(angle), y: center.y + radius.y * Math.sin(angle), cos: Math.cos(angle) };
}

function meetingsLabel(count: number): string {
  return count === 1 ? "1 meeting" : `${count} meetings`;
}

export function CounterpartNetwork({ center: person, counterparts }: { center: { name: string }; counterparts: CounterpartFieldsFragment[] }) {
  if (counterparts.length === 0) return <p className="muted">No meetings with anyone else on record.</p>;
  const longest = Math.max(1, ...counterparts.map((counterpart) => counterpart.time.minutes));
  return (
    <>
      <svg className="network" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Network of the people ${person.name} met`}>
        {counterparts.map((counterpart, index) => {
          const at = ringPosition(index, counterparts.length);
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
        <text className="label center" x={center.x} y={center.y + 40} textAnchor="middle">
          {person.name}
        </text>
        {counterparts.map((counterpart, index) => {
          const at = ringPosition(index, counterparts.length);
          // Labels sit outside the ring: to the right of nodes on the right, to the left on the left.
          const anchor = at.cos > 0.3 ? "start" : at.cos < -0.3 ? "end" : "middle";
          const dx = anchor === "start" ? 18 : anchor === "end" ? -18 : 0;
          const dy = anchor === "middle" ? (at.y < center.y ? -34 : 30) : -4;
          return (
            <a key={counterpart.person.id} href={href.person(counterpart.person.id)} className="counterpart" data-person-id={counterpart.person.id}>
              <circle className="node" cx={at.x} cy={at.y} r={8 + Math.min(counterpart.meetingCount, 6) * 1.5} />
              <text className="label" x={at.x + dx} y={at.y + dy} textAnchor={anchor}>
                <tspan className="name">{counterpart.person.name}</tspan>
                <tspan x={at.x + dx} dy="1.25em" className="detail">
                  {meetingsLabel(counterpart.meetingCount)} · {formatSummary(counterpart.time, { compact: true })}
                </tspan>
              </text>
            </a>
          );
        })}
      </svg>
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
          {counterparts.map((counterpart) => (
            <tr key={counterpart.person.id}>
              <td>
                <a href={href.person(counterpart.person.id)}>{counterpart.person.name}</a>
              </td>
              <td>{counterpart.meetingCount}</td>
              <td>
                <DurationSummaryText summary={counterpart.time} />
              </td>
              <td>
                <a href={href.meeting(counterpart.firstMeeting.id)}>{formatDate(counterpart.firstMeeting.date, counterpart.firstMeeting.datePrecision)}</a>
              </td>
              <td>
                <a href={href.meeting(counterpart.lastMeeting.id)}>{formatDate(counterpart.lastMeeting.date, counterpart.lastMeeting.datePrecision)}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
