/**
 * Each Cypher transaction has a timeout (NEO4J_QUERY_TIMEOUT_MS): the setting reaches the
 * executor the start command builds (openDatabase), and Neo4j itself stops a statement that
 * runs past it, answered as QUERY_TIMEOUT.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/open.js";
import { suiteNeo4jSettings } from "./support/startCommand.js";

describe("NEO4J_QUERY_TIMEOUT_MS", () => {
  it("defaults to 15 s", () => {
    expect(loadConfig({}).NEO4J_QUERY_TIMEOUT_MS).toBe(15_000);
  });

  it("stops a statement that runs longer, with the code QUERY_TIMEOUT, and the database keeps answering", async () => {
    const config = loadConfig({
      ...suiteNeo4jSettings(),
      NEO4J_QUERY_TIMEOUT_MS: "300",
    });
    const { db, close } = await openDatabase(config, () => {});
    try {
      // Two billion rows: far more than any machine scans in 300 ms, so only the timeout ends it.
      const slow = db.read("slow-on-purpose", "UNWIND range(1, 2000000000) AS i WITH i WHERE i < 0 RETURN count(i) AS n");
      await expect(slow).rejects.toMatchObject({ extensions: { code: "QUERY_TIMEOUT" } });
      await expect(db.read<{ one: number }>("after-timeout", "RETURN 1 AS one")).resolves.toEqual([{ one: expect.anything() }]);
    } finally {
      await close();
    }
  });
});
