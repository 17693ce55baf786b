/** The conflict rules (src/model/conflicts.ts) on hand-made claims: what counts as sources truly disagreeing. */
import { describe, expect, it } from "vitest";
import { conflictsOf, type ConflictClaim, type ConflictContext, type PlaceChain } from "../src/model/conflicts.js";

const claim = (field: string, value: string): ConflictClaim => ({ field, value, duration: null });
const duration = (minMinutes: number, maxMinutes: number | null, minutes = minMinutes): ConflictClaim => ({
  field: "duration",
  value: String(minutes),
  duration: { minutes, minMinutes, maxMinutes },
});
const unknownDuration: ConflictClaim = { field: "duration", value: "unknown", duration: { minutes: null, minMinutes: null, maxMinutes: null } };

const chains: Record<string, PlaceChain> = {
  kremlin: [
    { id: "kremlin", name: "the Kremlin" },
    { id: "moscow", name: "Moscow" },
  ],
  moscow: [{ id: "moscow", name: "Moscow" }],
  "st-petersburg": [{ id: "st-petersburg", name: "St Petersburg" }],
};
const context = (earlierMeetings: ConflictContext<ConflictClaim>["earlierMeetings"] = []): ConflictContext<ConflictClaim> => ({
  places: new Map(Object.entries(chains)),
  earlierMeetings,
});
const judge = (claims: ConflictClaim[], ctx = context()) =>
  conflictsOf(claims, ctx).map(({ field, compatible, explanation }) => ({ field, compatible, explanation }));

describe("conflicts between a meeting's claims", () => {
  it("are none when the sources agree, or only remark on facets", () => {
    expect(
      judge([claim("date", "2025-04-11"), claim("date", "2025-04-11"), claim("timing", "late"), claim("timing", "past midnight"), claim("outcome", "none")]),
    ).toEqual([]);
  });

  it("judge dates compatible when one lies within the other, and explain why", () => {
    expect(judge([claim("date", "2025-03"), claim("date", "2025-03-13")])).toEqual([
      { field: "date", compatible: true, explanation: "The dates differ only in precision: 2025-03-13 lies within 2025-03." },
    ]);
  });

  it("judge dates that do not overlap incompatible", () => {
    expect(judge([claim("date", "2025-03-13"), claim("date", "2025-04")])[0]).toMatchObject({
      compatible: false,
      explanation: expect.stringContaining("do not overlap"),
    });
  });

  it("judge places compatible when one lies within the other, whatever the order", () => {
    const expected = [{ field: "place", compatible: true, explanation: "The Kremlin lies within Moscow." }];
    expect(judge([claim("place", "moscow"), claim("place", "kremlin")])).toEqual(expected);
    expect(judge([claim("place", "kremlin"), claim("place", "moscow")])).toEqual(expected);
  });

  it("judge places on different branches incompatible", () => {
    expect(judge([claim("place", "kremlin"), claim("place", "st-petersburg")])[0]).toMatchObject({ field: "place", compatible: false });
  });

  it("judge durations by their bounds: rounded figures that overlap are compatible", () => {
    const [conflict] = judge([duration(270, 330, 300), duration(270, 330, 300), duration(270, 300, 285)]);
    expect(conflict).toEqual({ field: "duration", compatible: true, explanation: "The figures are rounded differently but all allow 270 to 300 minutes." });
  });

  it("judge durations whose bounds do not meet incompatible, and leave claims without a figure out", () => {
    expect(judge([duration(150, 180, 165), duration(195, 225, 210), unknownDuration])).toEqual([
      {
        field: "duration",
        compatible: false,
        explanation: "No single duration fits every figure: one needs at least 195 minutes, another at most 180 minutes.",
      },
    ]);
    expect(judge([duration(150, 180, 165), unknownDuration])).toEqual([]);
  });

  it("judge different waits and visit numbers incompatible", () => {
    expect(judge([claim("wait", "480"), claim("wait", "480"), claim("wait", "0")])).toEqual([
      { field: "wait", compatible: false, explanation: "The sources give different waits, which cannot all be true: 480 minutes and no wait." },
    ]);
    expect(judge([claim("visit-number", "5"), claim("visit-number", "6")])[0]).toMatchObject({ compatible: false });
  });
});

describe("a longest-to-date record", () => {
  const record = claim("record", "longest-to-date");
  const december = [record, duration(270, 330, 300), duration(270, 300, 285)];
  const earlier = (date: string, ...durationClaims: ConflictClaim[]) => ({ date, title: `meeting of ${date}`, durationClaims });

  it("is no conflict when every earlier meeting of the same people was shorter", () => {
    expect(judge(december, context([earlier("2025-02-11", duration(195, 225, 210))])).map((c) => c.field)).toEqual(["duration"]);
  });

  it("is a compatible conflict when an earlier meeting could have been as long but this one could still be longer", () => {
    const [conflict] = conflictsOf(
      december,
      context([earlier("2025-04-11", duration(255, 285, 270), duration(270, 300, 285)), earlier("2025-02-11", duration(195, 225, 210))]),
    );
    expect(conflict).toMatchObject({ field: "record", compatible: true });
    expect(conflict!.explanation).toContain("the meeting of 2025-04-11");
    expect(conflict!.explanation).not.toContain("2025-02-11");
    // The record and the earlier claims that could match it (up to 285 and 300 minutes, against at least 270).
    expect(conflict!.claims).toEqual([record, duration(255, 285, 270), duration(270, 300, 285)]);
  });

  it("is an incompatible conflict when an earlier meeting was surely at least as long", () => {
    const [conflict] = judge(december, context([earlier("2025-04-11", duration(300, null))]));
    expect(conflict).toMatchObject({ field: "record", compatible: false, explanation: expect.stringContaining("cannot have been the longest") });
  });

  it("is ignored when the record is of another kind", () => {
    expect(judge([claim("record", "first-visit"), duration(270, 300, 285)], context([earlier("2025-04-11", duration(300, null))]))).toEqual([]);
  });
});
