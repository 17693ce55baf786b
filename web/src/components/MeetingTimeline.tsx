/**
 * A person's meetings in date order: when (as precisely as known), where, with whom and for
 * how long. The bar shows the best estimate, and the band around it what the wording allows.
 */
import { graphql } from "../__generated__";
import type { DurationFieldsFragment, TimelineMeetingFieldsFragment } from "../__generated__/graphql";
import { formatDate } from "../format";
import { href } from "../router";
import { DurationText } from "./Duration";
import { placeLabel } from "./Place";

export const TimelineMeetingFields = graphql(`
  fragment TimelineMeetingFields on Meeting {
    id
    title
    heldOn
    datePrecision
    place {
      ...PlaceFields
    }
    duration {
      ...DurationFields
    }
    participants {
      person {
        id
        name
      }
    }
  }
`);

const percent = (minutes: number, scale: number) => `${(100 * minutes) / scale}%`;

function DurationBar({ duration, scale }: { duration: DurationFieldsFragment; scale: number }) {
  if (duration.minutes == null) return <span className="bar unknown" title="duration unknown" />;
  const low = duration.minMinutes ?? duration.minutes;
  const high = duration.maxMinutes ?? duration.minutes;
  return (
    <span className="bar">
      <span className="range" style={{ left: percent(low, scale), width: percent(high - low, scale) }} />
      <span className="estimate" style={{ width: percent(duration.minutes, scale) }} />
    </span>
  );
}

export function MeetingTimeline({ meetings, personId }: { meetings: TimelineMeetingFieldsFragment[]; personId?: string }) {
  if (meetings.length === 0) return <p className="muted">No meetings on record.</p>;
  const scale = Math.max(60, ...meetings.map(({ duration }) => duration.maxMinutes ?? duration.minutes ?? 0));
  return (
    <ol className="timeline">
      {meetings.map((meeting) => {
        const others = meeting.participants.filter((participant) => participant.person.id !== personId).map((participant) => participant.person.name);
        return (
          <li key={meeting.id} data-meeting-id={meeting.id}>
            <time dateTime={meeting.heldOn}>{formatDate(meeting.heldOn, meeting.datePrecision)}</time>
            <div className="what">
              <a href={href.meeting(meeting.id)}>{meeting.title}</a>
              <div className="where">{placeLabel(meeting.place)}</div>
              {others.length > 0 && <div className="muted">with {others.join(", ")}</div>}
            </div>
            <div className="how-long">
              <DurationText duration={meeting.duration} />
              {/* What the source did say when it gives no figure ("rumored to be brief"): unknown is not nothing. */}
              {meeting.duration.minutes == null && meeting.duration.wording && <q>{meeting.duration.wording}</q>}
              <DurationBar duration={meeting.duration} scale={scale} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
