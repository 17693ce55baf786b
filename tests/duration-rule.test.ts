import { describe, expect, it } from "vitest";
import { durationBounds, durationConsensus, figureOf, figureProblem, type DurationFigure } from "../src/model/duration.js";

const hours = (h: number) => h * 60;
const around = (figureMinutes: number, granularityMinutes: number): DurationFigure => ({ figureMinutes, granularityMinutes, bound: "AROUND" });
const under = (figureMinutes: number, granularityMinutes: number): DurationFigure => ({ figureMinutes, granularityMinutes, bound: "UNDER" });
const noFigure: DurationFigure = { figureMinutes: null, granularityMinutes: null, bound: null };

describe("the duration rule: bounds follow from the figure, its granularity and its bound", () => {
  it('a bare figure and an "about" figure rounded to the hour both allow half an hour either way', () => {
    // "five-hour" and "approximately five hours"
    expect(durationBounds(around(hours(5), 60))).toEqual({ minutes: 300, minMinutes: 270, maxMinutes: 330 });
  });

  it("a figure rounded to the half hour allows a quarter of an hour either way", () => {
    // "three-and-a-half-hour", "4.5 hours"
    expect(durationBounds(around(210, 30))).toEqual({ minutes: 210, minMinutes: 195, maxMinutes: 225 });
    expect(durationBounds(around(270, 30))).toEqual({ minutes: 270, minMinutes: 255, maxMinutes: 285 });
  });

  it('"nearly", "close to" and "just under" make the figure the upper bound, and the estimate the middle', () => {
    expect(durationBounds(under(hours(5), 60))).toEqual({ minutes: 285, minMinutes: 270, maxMinutes: 300 });
    expect(durationBounds(under(hours(3), 60))).toEqual({ minutes: 165, minMinutes: 150, maxMinutes: 180 });
  });

  it('"over" and "more than" make the figure the lower bound, with no upper bound', () => {
    expect(durationBounds({ figureMinutes: 120, granularityMinutes: 60, bound: "OVER" })).toEqual({ minutes: 120, minMinutes: 120, maxMinutes: null });
  });

  it("a figure in exact minutes is exact", () => {
    expect(durationBounds(around(97, 1))).toEqual({ minutes: 97, minMinutes: 97, maxMinutes: 97 });
  });

  it('words without a number ("rumored to be brief") give no minutes and no bounds: unknown, never 0', () => {
    expect(durationBounds(noFigure)).toEqual({ minutes: null, minMinutes: null, maxMinutes: null });
  });

  it("figure, granularity and bound come together or not at all, and a figure is never 0", () => {
    expect(figureProblem({ figureMinutes: 300, granularityMinutes: null, bound: "AROUND" })).toMatch(/all set .* or all null/);
    expect(figureProblem({ figureMinutes: 0, granularityMinutes: 60, bound: "AROUND" })).toMatch(/0 is not a duration/);
    expect(figureProblem(around(300, 60))).toBeNull();
    expect(figureProblem(noFigure)).toBeNull();
  });

  it("bounds typed by hand are read back as the figure that gives them, and refused when no figure does", () => {
    expect(figureOf({ minutes: 180, minMinutes: 165, maxMinutes: 195 })).toEqual(around(180, 30));
    // A symmetric range reads as "about": the same bounds as "nearly", by the rule.
    expect(figureOf({ minutes: 285, minMinutes: 270, maxMinutes: 300 })).toEqual(around(285, 30));
    expect(figureOf({ minutes: 60, minMinutes: null, maxMinutes: null })).toEqual(around(60, 1));
    expect(figureOf({ minutes: null, minMinutes: null, maxMinutes: null })).toEqual(noFigure);
    expect(figureOf({ minutes: 100, minMinutes: 90, maxMinutes: 200 })).toBeNull();
  });
});

describe("the consensus: what every duration claim of a meeting allows", () => {
  it("is the intersection of the claims' bounds (2 December: approximately five, five-hour, nearly five)", () => {
    const claims = [around(300, 60), around(300, 60), under(300, 60)].map(durationBounds);
    expect(durationConsensus(claims)).toEqual({ minMinutes: 270, maxMinutes: 300, compatible: true, claimCount: 3 });
  });

  it("is incompatible when no single duration fits every claim", () => {
    const claims = [around(180, 30), around(300, 60)].map(durationBounds);
    expect(durationConsensus(claims)).toEqual({ minMinutes: 270, maxMinutes: 195, compatible: false, claimCount: 2 });
  });

  it("leaves out claims without a figure, and an unbounded claim leaves the maximum to the others", () => {
    const claims = [durationBounds(noFigure), durationBounds({ figureMinutes: 120, granularityMinutes: 60, bound: "OVER" }), durationBounds(around(180, 60))];
    expect(durationConsensus(claims)).toEqual({ minMinutes: 150, maxMinutes: 210, compatible: true, claimCount: 2 });
    expect(durationConsensus([durationBounds({ figureMinutes: 120, granularityMinutes: 60, bound: "OVER" })])).toEqual({
      minMinutes: 120,
      maxMinutes: null,
      compatible: true,
      claimCount: 1,
    });
  });

  it("does not exist when no claim gives a figure", () => {
    expect(durationConsensus([durationBounds(noFigure)])).toBeNull();
    expect(durationConsensus([])).toBeNull();
  });
});
