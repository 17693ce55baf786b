/**
 * Test data for the curation tests: every id they create starts with TEST_PREFIX, so `cleanUp`
 * removes all of it (with the audit entries and locks about it) and the seed graph stays as it was.
 */
import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import type { TestApi } from "./api.js";

export const TEST_PREFIX = "ct-";

/** A fresh id for `kind`, unique per call: "ct-person-1a2b3c4d". */
export const testId = (kind: string) => `${TEST_PREFIX}${kind}-${randomBytes(4).toString("hex")}`;

export const CLEAN_UP = `
MATCH (n)
WHERE n.id STARTS WITH $prefix OR n.key CONTAINS (':' + $prefix)
   OR any(id IN coalesce(n.entityIds, []) WHERE id STARTS WITH $prefix)
DETACH DELETE n`;

/** Call once per test file, after useApi: deletes what the file's tests wrote. */
export function cleanUpAfterAll(api: TestApi): void {
  afterAll(async () => {
    await api.db.write("test.cleanUp", CLEAN_UP, { prefix: TEST_PREFIX });
  });
}
