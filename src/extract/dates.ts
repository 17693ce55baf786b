/**
 * Dates in the text, absolute ("April 11, 2025", "February 2025") or relative to the
 * publication date ("on Tuesday", "earlier this month", "in February"), by chrono-node.
 */
import * as chrono from "chrono-node";
import type { Span } from "./text.js";

export interface FoundDate extends Span {
  text: string;
  /** YYYY-MM-DD or YYYY-MM. */
  date: string;
  /** Read against the publication date: how, for the draft's note; null when the text gives it whole. */
  relativeNote: string | null;
  /** "in the early hours of Wednesday": the event began the day before. */
  earlyHours: boolean;
}

const DATE_WORDS = /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\bthis month\b|\blast (week|month)\b/i;

const pad = (n: number) => String(n).padStart(2, "0");

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const dayBefore = (date: string) => shiftDay(date, -1);

/** The dates in a sentence (`offset`: where it starts in the article). Relative dates only when `publishedOn` is known. */
export function findDates(sentence: string, offset: number, publishedOn: string | null): FoundDate[] {
  const reference = publishedOn ? new Date(`${publishedOn}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const results = chrono.parse(sentence, { instant: reference, timezone: 0 }, { forwardDate: false });
  const found: FoundDate[] = [];
  for (const r of results) {
    // "now", "today", "tonight" say when something is said, not when the meeting was.
    if (!DATE_WORDS.test(r.text)) continue;
    const c = r.start;
    if (!c.isCertain("month") && !c.isCertain("weekday") && !c.isCertain("day")) continue;
    const yearGiven = c.isCertain("year");
    if (!yearGiven && !publishedOn) continue;
    let year = c.get("year")!;
    const month = c.get("month")!;
    const dayGiven = c.isCertain("day") || c.isCertain("weekday");
    let date = dayGiven ? `${year}-${pad(month)}-${pad(c.get("day")!)}` : `${year}-${pad(month)}`;
    // A month or day named without a year is the last one at or before publication ("in February").
    if (!yearGiven && publishedOn && date.slice(0, date.length) > publishedOn.slice(0, date.length)) {
      year -= 1;
      date = `${year}${date.slice(4)}`;
    }
    const relative = !/\b\d{4}\b/.test(r.text);
    const before = sentence.slice(Math.max(0, r.index - 30), r.index);
    found.push({
      start: offset + r.index,
      end: offset + r.index + r.text.length,
      text: r.text,
      date,
      relativeNote: relative ? `"${r.text}" read against the publication date ${publishedOn}: ${date}` : null,
      earlyHours: /\b(early hours|small hours) of\s*$/i.test(before),
    });
  }
  return found;
}
