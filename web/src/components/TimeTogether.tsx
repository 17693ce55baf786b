/**
 * How often and for how long the chosen people met, all of them together: the known total,
 * how much of it is approximate, and how many meetings are of unknown length (never counted as 0).
 */
import { graphql } from "../__generated__";
import type { DurationSummaryFieldsFragment, MeetingFilter } from "../__generated__/graphql";
import { useQuery } from "../api";
import { DurationSummaryText } from "./Duration";
import { Status } from "./Status";

/**
 * `timeTogether` takes no filter, so within dates or a place the time comes from the first
 * person's counterparts over the filtered meetings (which all the people attended): the second
 * person's entry is then the time of exactly those meetings.
 */
const TimeTogetherQuery = graphql(`
  query TimeTogether($people: [ID!]!, $lead: ID!, $filter: MeetingFilter, $filtered: Boolean!) {
    timeTogether(personIds: $people) @skip(if: $filtered) {
      meetingCount
      time {
        ...DurationSummaryFields
      }
    }
    person(id: $lead) @include(if: $filtered) {
      counterparts(filter: $filter, orderBy: MEETING_COUNT, first: 100) {
        person {
          id
        }
        meetingCount
        time {
          ...DurationSummaryFields
        }
      }
    }
  }
`);

function isFiltered(filter: MeetingFilter): boolean {
  return Boolean(filter.from || filter.to || filter.countryId || filter.placeId);
}

function Summary({ meetingCount, time }: { meetingCount: number; time: DurationSummaryFieldsFragment }) {
  return (
    <div className="time-together" data-meeting-count={meetingCount}>
      <strong>
        {meetingCount} {meetingCount === 1 ? "meeting" : "meetings"} together
      </strong>
      {meetingCount > 0 && (
        <>
          {" · "}
          <DurationSummaryText summary={time} />
          <div className="muted breakdown">
            {time.knownCount} of known length{time.approximateCount > 0 && `, ${time.approximateCount} of them approximate`}; {time.unknownCount} of unknown
            length
          </div>
        </>
      )}
    </div>
  );
}

export function TimeTogether({ people, filter }: { people: string[]; filter: MeetingFilter }) {
  const [lead = "", other = ""] = people;
  const filtered = isFiltered(filter);
  const result = useQuery(TimeTogetherQuery, { people, lead, filter, filtered });
  return (
    <Status state={result}>
      {({ timeTogether, person }) => {
        if (timeTogether) return <Summary meetingCount={timeTogether.meetingCount} time={timeTogether.time} />;
        const pair = person?.counterparts.find((counterpart) => counterpart.person.id === other);
        return pair ? <Summary meetingCount={pair.meetingCount} time={pair.time} /> : <p className="time-together">No meetings together in this selection.</p>;
      }}
    </Status>
  );
}
