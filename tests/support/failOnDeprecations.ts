/**
 * Every test file (vitest setupFiles): the file fails when a statement its tests sent to Neo4j
 * used a deprecated feature (tests/support/deprecations.ts).
 */
import { afterAll, beforeAll, expect } from "vitest";
import { deprecationAdvice, describeDeprecation, takeDeprecations, watchDeprecations } from "./deprecations.js";

let stopWatching = () => {};
beforeAll(() => {
  stopWatching = watchDeprecations();
});
afterAll(() => {
  stopWatching();
  expect(takeDeprecations().map(describeDeprecation), deprecationAdvice).toEqual([]);
});
