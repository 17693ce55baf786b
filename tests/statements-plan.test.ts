/**
 * A person's statements (the person page's list, `Person.statements`) are reached from the person:
 * the statement the service sends for them is planned by the real Neo4j and must start at the
 * person's index entry, never read every statement in the graph (as it once did: bench/'s
 * personStatements page). The page itself is the person's statements.
 */
import type { Driver, Plan, RecordShape } from "neo4j-driver";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { createStatementLoaders, statementFilter } from "../src/statement/statement.js";

/** Keeps every statement it reads, to plan them afterwards. */
class RecordingExecutor extends Neo4jExecutor {
  readonly sent: { cypher: string; params: Record<string, unknown> }[] = [];
  override read<T extends RecordShape>(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    this.sent.push({ cypher, params });
    return super.read<T>(name, cypher, params);
  }
}

const operators = (plan: Plan): string[] => [plan.operatorType, ...plan.children.flatMap(operators)];

let driver: Driver;
let database: string;
beforeAll(() => {
  const target = inject("neo4j");
  driver = createDriver(target);
  database = target.database;
});
afterAll(() => driver.close());

describe("a person's statements", () => {
  it("are read from the person, not by testing every statement", async () => {
    const db = new RecordingExecutor(driver, { database, queryTimeoutMs: 30_000 });
    const page = await createStatementLoaders(db).statementConnection.load({
      filter: statementFilter({ speakerId: "yuri-ushakov" }),
      limit: 21,
      counted: true,
    });
    expect(page.totalCount).toBeGreaterThan(1);

    const [sent] = db.sent;
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const { summary } = await session.run(`EXPLAIN ${sent!.cypher}`, sent!.params);
      const planned = operators(summary.plan as Plan);
      expect(
        planned.some((op) => op.startsWith("NodeUniqueIndexSeek") || op.startsWith("NodeIndexSeek")),
        planned.join(", "),
      ).toBe(true);
      expect(
        planned.filter((op) => op.startsWith("NodeByLabelScan") || op.startsWith("AllNodesScan")),
        planned.join(", "),
      ).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
