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
  /** The last day of a span of days the text gives ("on 15 and 16 July", "July 15-16"); null for one day. */
  dateEnd: string | null;
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
export const dayAfter = (date: string) => shiftDay(date, 1);

const MONTH_NAME = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
/** A first day joined to the day chrono read: "15 and" before "16 July", "and 16" after "July 15". */
const FIRST_DAY_BEFORE = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:and|to|through)\s+$/i;
const LAST_DAY_AFTER = new RegExp(`^\\s+(?:and|to|through)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*${MONTH_NAME})(?:,?\\s+\\d{4})?`, "i");

const PREVIOUS_YEAR = /^,?\s+(?:of\s+)?(?:the\s+previous|last)\s+year\b/i;

const day = (c: chrono.ParsedComponents) => `${c.get("year")!}-${pad(c.get("month")!)}-${pad(c.get("day")!)}`;

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
    const dayGiven = c.isCertain("day") || c.isCertain("weekday");
    let date = dayGiven ? day(c) : `${c.get("year")!}-${pad(c.get("month")!)}`;
    let dateEnd = r.end && dayGiven ? day(r.end) : null;
    // A day or month named without a year is the last one at or before publication: a weekday
    // ("on Wednesday") a week earlier, a month or a day of the month ("in February") a year earlier.
    const shift = c.isCertain("weekday") && !c.isCertain("day") ? (d: string) => shiftDay(d, -7) : (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
    if (!yearGiven && publishedOn && date > publishedOn.slice(0, date.length)) {
      date = shift(date);
      dateEnd = dateEnd && shift(dateEnd);
    }
    let start = r.index;
    let end = r.index + r.text.length;
    // "in November of the previous year", "in February last year": a year before the publication's.
    const lastYear = !yearGiven && publishedOn ? PREVIOUS_YEAR.exec(sentence.slice(end)) : null;
    if (lastYear) {
      const year = Number(publishedOn!.slice(0, 4)) - 1;
      date = `${year}${date.slice(4)}`;
      dateEnd = dateEnd && `${year}${dateEnd.slice(4)}`;
      end += lastYear[0].length;
    }
    // chrono reads one day of "on 15 and 16 July" or "July 15 and 16": the other is the span's first or last.
    const firstDay = dayGiven && !dateEnd ? FIRST_DAY_BEFORE.exec(sentence.slice(Math.max(0, start - 20), start)) : null;
    const lastDay = dayGiven && !dateEnd && !firstDay ? LAST_DAY_AFTER.exec(sentence.slice(end)) : null;
    if (firstDay && Number(firstDay[1]) < Number(date.slice(8))) {
      dateEnd = date;
      date = `${date.slice(0, 8)}${pad(Number(firstDay[1]))}`;
      start -= firstDay[0].length;
    } else if (lastDay && Number(lastDay[1]) > Number(date.slice(8)) && Number(lastDay[1]) <= 31) {
      dateEnd = `${date.slice(0, 8)}${pad(Number(lastDay[1]))}`;
      end += lastDay[0].length;
    }
    const words = sentence.slice(start, end);
    const relative = !/\b\d{4}\b/.test(words);
    const before = sentence.slice(Math.max(0, start - 30), start);
    const days = dateEnd ? `${date} to ${dateEnd}` : date;
    found.push({
      start: offset + start,
      end: offset + end,
      text: words,
      date,
      dateEnd,
      relativeNote: relative ? `"${words}" read against the publication date ${publishedOn}: ${days}` : null,
      earlyHours: /\b(early hours|small hours) of\s*$/i.test(before),
    });
  }
  return found;
}
