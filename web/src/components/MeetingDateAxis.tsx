/**
 * A person's meetings along a date axis: one bar per meeting at its date, as tall as its best
 * duration estimate, with the range its wording allows as a thin line. A meeting of unknown
 * length is an outlined, dashed bar marked "?": unknown is not short. A meeting known only to
 * the month or year spans that month or year.
 */
import type { TimelineMeetingFieldsFragment } from "../__generated__/graphql";
import { formatDate, formatDuration } from "../format";
import { href } from "../router";

const width = 900;
const height = 170;
const axisY = 140;
const barTop = 20;
const left = 20;
const right = width - 20;

/** The first and the last day a (possibly partial) date covers, as times. */
function span(date: string): [number, number] {
  const [year = 1970, month, day] = date.split("-").map(Number);
  if (day) return [Date.UTC(year, (month ?? 1) - 1, day), Date.UTC(year, (month ?? 1) - 1, day + 1)];
  if (month) return [Date.UTC(year, month - 1, 1), Date.UTC(year, month, 1)];
  return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Month starts over a span of up to two years (the year beside January and the first tick), year starts over a longer one. */
function ticks(start: number, end: number): { time: number; label: string }[] {
  const first = new Date(start);
  const byMonth = end - start <= 2 * 366 * 86_400_000;
  const found: { time: number; label: string }[] = [];
  for (let year = first.getUTCFullYear(), month = byMonth ? first.getUTCMonth() : 0; ; byMonth ? month++ : year++) {
    const time = Date.UTC(year, month, 1);
    if (time > end) break;
    if (time < start) continue;
    const date = new Date(time);
    const label = byMonth
      ? date.getUTCMonth() === 0 || found.length === 0
        ? `${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`
        : (monthNames[date.getUTCMonth()] ?? "")
      : String(date.getUTCFullYear());
    found.push({ time, label });
  }
  return found;
}

export function MeetingDateAxis({ meetings }: { meetings: TimelineMeetingFieldsFragment[] }) {
  if (meetings.length === 0) return null;
  const spans = meetings.map((meeting) => span(meeting.heldOn));
  const start = Math.min(...spans.map(([from]) => from));
  const end = Math.max(...spans.map(([, to]) => to));
  const x = (time: number) => left + ((right - left) * (time - start)) / Math.max(1, end - start);
  const longest = Math.max(60, ...meetings.map(({ duration }) => duration.maxMinutes ?? duration.minutes ?? 0));
  const y = (minutes: number) => axisY - ((axisY - barTop) * minutes) / longest;
  return (
    <svg className="date-axis" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Meetings along a date axis, as tall as they lasted">
      <line className="axis" x1={left} x2={right} y1={axisY} y2={axisY} />
      {ticks(start, end).map(({ time, label }) => (
        <g key={time} className="tick">
          <line x1={x(time)} x2={x(time)} y1={axisY} y2={axisY + 5} />
          <text x={x(time)} y={axisY + 18} textAnchor="middle">
            {label}
          </text>
        </g>
      ))}
      {meetings.map((meeting, index) => {
        const [from, to] = spans[index] ?? [start, end];
        const barWidth = Math.max(5, x(to) - x(from));
        const { duration } = meeting;
        const label = `${meeting.title}, ${formatDate(meeting.heldOn, meeting.datePrecision)}: ${formatDuration(duration)}`;
        return (
          <a key={meeting.id} href={href.meeting(meeting.id)} className={duration.minutes == null ? "mark unknown" : "mark"} data-meeting-id={meeting.id}>
            <title>{label}</title>
            {duration.minutes == null ? (
              <>
                <rect x={x(from)} y={barTop} width={barWidth} height={axisY - barTop} />
                <text x={x(from) + barWidth / 2} y={barTop - 4} textAnchor="middle">
                  ?
                </text>
              </>
            ) : (
              <>
                {duration.minMinutes != null && (
                  <line
                    className="range"
                    x1={x(from) + barWidth / 2}
                    x2={x(from) + barWidth / 2}
                    y1={y(duration.maxMinutes ?? longest)}
                    y2={y(duration.minMinutes)}
                  />
                )}
                <rect x={x(from)} y={y(duration.minutes)} width={barWidth} height={axisY - y(duration.minutes)} data-minutes={duration.minutes} />
              </>
            )}
          </a>
        );
      })}
    </svg>
  );
}
