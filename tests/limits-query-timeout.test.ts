/**
 * Each Cypher transaction has a timeout (NEO4J_QUERY_TIMEOUT_MS): the setting reaches the
 * executor the start command builds (openDatabase), and Neo4j itself stops a statement that
 * runs past it, answered as QUERY_TIMEOUT.
 */
import { describe, expect, inject, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/open.js";

describe("NEO4J_QUERY_TIMEOUT_MS", () => {
  it("defaults to 15 s", () => {
    expect(loadConfig({}).NEO4J_QUERY_TIMEOUT_MS).toBe(15_000);
  });

  it("stops a statement that runs longer, with the code QUERY_TIMEOUT, and the database keeps answering", async () => {
    const target = inject("neo4j");
    const config = loadConfig({
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      NEO4J_PASSWORD: target.password,
      NEO4J_DATABASE: target.database,
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
