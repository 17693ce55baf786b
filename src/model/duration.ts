/**
 * The duration rule (docs/graph-model.md, "Durations"): a duration claim states a figure, what it
 * is rounded to and which way the words bound it; the minutes and bounds follow from those, never
 * typed by hand. And what all of a meeting's claims agree on: the intersection of their bounds.
 */
import { z } from "zod";
import type { Hedge } from "./evidence.js";

/** AROUND: "about", "approximately", or a bare figure. UNDER: "nearly", "close to", "just under". OVER: "over", "more than". */
export const DURATION_BOUNDS = ["AROUND", "UNDER", "OVER"] as const;
export type DurationBound = (typeof DURATION_BOUNDS)[number];
export const durationBoundSchema = z.enum(DURATION_BOUNDS);

/** What the words state: null figure (and granularity and bound) when they give no number. */
export interface DurationFigure {
  figureMinutes: number | null;
  granularityMinutes: number | null;
  bound: DurationBound | null;
}

/** What the figure allows. `maxMinutes` null with a figure: no upper bound. */
export interface DurationBounds {
  minutes: number | null;
  minMinutes: number | null;
  maxMinutes: number | null;
}

/** The rule's inputs that do not fit together, or null: figure, granularity and bound are all set or all null. */
export function figureProblem(d: DurationFigure): string | null {
  const set = [d.figureMinutes, d.granularityMinutes, d.bound].filter((v) => v !== null).length;
  if (set !== 0 && set !== 3) return "figureMinutes, granularityMinutes and bound are all set (the words give a number) or all null (they give none)";
  if (d.figureMinutes === 0) return "0 is not a duration; use a null figure when the words give no number";
  if (d.figureMinutes !== null && d.granularityMinutes !== null && d.granularityMinutes > 2 * d.figureMinutes) {
    return `granularityMinutes ${d.granularityMinutes} is coarser than the figure ${d.figureMinutes} allows`;
  }
  return null;
}

/** A problem with one duration claim's figures: `key` is the field at fault, or null when it is the combination. */
export interface DurationProblem {
  key: "minutes" | "maxMinutes" | null;
  code: "INVALID" | "INVERTED_RANGE";
  message: string;
}

/** The rules every duration claim's figures follow (docs/graph-model.md): no 0, and minMinutes ≤ minutes ≤ maxMinutes. */
export function durationProblems(d: DurationBounds): DurationProblem[] {
  const problems: DurationProblem[] = [];
  if (d.minutes === 0) problems.push({ key: "minutes", code: "INVALID", message: "0 is not a duration; use null when the duration is unknown" });
  if (d.maxMinutes === 0) problems.push({ key: "maxMinutes", code: "INVALID", message: "0 is not a bound; use null when there is no upper bound" });
  if (d.minMinutes !== null && d.maxMinutes !== null && d.minMinutes > d.maxMinutes) {
    problems.push({ key: null, code: "INVERTED_RANGE", message: `minMinutes ${d.minMinutes} is greater than maxMinutes ${d.maxMinutes}` });
  }
  if (d.minutes !== null && d.minMinutes !== null && d.minutes < d.minMinutes) {
    problems.push({ key: null, code: "INVERTED_RANGE", message: `minutes ${d.minutes} is below minMinutes ${d.minMinutes}` });
  }
  if (d.minutes !== null && d.maxMinutes !== null && d.minutes > d.maxMinutes) {
    problems.push({ key: null, code: "INVERTED_RANGE", message: `minutes ${d.minutes} is above maxMinutes ${d.maxMinutes}` });
  }
  return problems;
}

/**
 * The bounds a figure allows. A figure rounded to G minutes is within half of G of the truth; half
 * of G is taken in whole minutes, so a figure in exact minutes (G = 1) is exact.
 */
export function durationBounds({ figureMinutes: f, granularityMinutes: g, bound }: DurationFigure): DurationBounds {
  if (f === null || g === null || bound === null) return { minutes: null, minMinutes: null, maxMinutes: null };
  const half = Math.floor(g / 2);
  switch (bound) {
    case "AROUND":
      return { minutes: f, minMinutes: f - half, maxMinutes: f + half };
    case "UNDER":
      return { minutes: Math.round((f - half + f) / 2), minMinutes: f - half, maxMinutes: f };
    case "OVER":
      return { minutes: f, minMinutes: f, maxMinutes: null };
  }
}

/** The figure that gives these bounds by the rule, or null when no figure does (bounds typed by hand that the rule cannot give). */
export function figureOf({ minutes, minMinutes, maxMinutes }: DurationBounds): DurationFigure | null {
  if (minutes === null) return minMinutes === null && maxMinutes === null ? { figureMinutes: null, granularityMinutes: null, bound: null } : null;
  const candidates: DurationFigure[] = [];
  if (minMinutes === null && maxMinutes === null) candidates.push({ figureMinutes: minutes, granularityMinutes: 1, bound: "AROUND" });
  if (minMinutes === minutes && maxMinutes === null) candidates.push({ figureMinutes: minutes, granularityMinutes: 1, bound: "OVER" });
  if (minMinutes !== null && maxMinutes !== null) {
    candidates.push({ figureMinutes: minutes, granularityMinutes: Math.max(1, 2 * (minutes - minMinutes)), bound: "AROUND" });
    candidates.push({ figureMinutes: maxMinutes, granularityMinutes: Math.max(1, 2 * (maxMinutes - minMinutes)), bound: "UNDER" });
  }
  // An exact figure has no range: bounds null, or equal to it, both read as exact.
  return (
    candidates.find((c) => {
      const b = durationBounds(c);
      const sameMax = b.maxMinutes === maxMinutes || (minMinutes === null && maxMinutes === null && b.maxMinutes === minutes);
      const sameMin = b.minMinutes === minMinutes || (minMinutes === null && maxMinutes === null && b.minMinutes === minutes);
      return b.minutes === minutes && sameMin && sameMax;
    }) ?? null
  );
}

/** `approximate`, kept for old clients: the source qualifies its figure. */
export const isApproximate = (hedge: Hedge) => hedge === "APPROXIMATE";

/** What every claim allows. `maxMinutes` null: unbounded. */
export interface DurationConsensus {
  minMinutes: number;
  maxMinutes: number | null;
  /** Whether one duration fits every claim. */
  compatible: boolean;
  /** The claims with a figure that it is taken over. */
  claimCount: number;
}

/** The intersection of the bounds of the claims that give a figure; null when none does. */
export function durationConsensus(claims: readonly DurationBounds[]): DurationConsensus | null {
  const figured = claims.filter((c): c is DurationBounds & { minMinutes: number } => c.minutes !== null && c.minMinutes !== null);
  if (figured.length === 0) return null;
  const minMinutes = Math.max(...figured.map((c) => c.minMinutes));
  const maxes = figured.flatMap((c) => (c.maxMinutes === null ? [] : [c.maxMinutes]));
  const maxMinutes = maxes.length === 0 ? null : Math.min(...maxes);
  return { minMinutes, maxMinutes, compatible: maxMinutes === null || minMinutes <= maxMinutes, claimCount: figured.length };
}
