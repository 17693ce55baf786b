/**
 * `npm run bench -- --profile`: the evidence behind a missed target. Runs each scenario once
 * through the service in this process with a driver that records every statement the service
 * sends, then PROFILEs those statements and the floor's with the same parameters, and writes
 * the plans with their database hits. No load, no timing of the contenders.
 */
import fs from "node:fs";
import path from "node:path";
import neo4j, { type Driver, type ProfiledPlan, type Session } from "neo4j-driver";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { createLogger } from "../src/logger.js";
import { createServer } from "../src/server.js";
import type { BenchParams } from "./params.js";
import type { Scenario } from "./scenarios.js";
import type { BenchTarget } from "./servers/child.js";

interface Statement {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
}

/** A driver whose read transactions record what they run, so the service's real statements can be profiled. */
function recordingDriver(driver: Driver, record: (cypher: string, params: Record<string, unknown>) => void): Driver {
  // The service's reads are auto-commit statements (`session.run`, see src/db/executor.ts).
  const wrapSession = (session: Session) =>
    new Proxy(session, {
      get: (s, key) =>
        key === "run"
          ? (cypher: string, params: Record<string, unknown>, config?: object) => (record(cypher, params), s.run(cypher, params, config))
          : Reflect.get(s, key),
    });
  return new Proxy(driver, { get: (d, key) => (key === "session" ? (config?: object) => wrapSession(d.session(config)) : Reflect.get(d, key)) });
}

function totals(plan: ProfiledPlan): { dbHits: number; rows: number } {
  return plan.children.reduce(
    (sum, child) => {
      const c = totals(child);
      return { dbHits: sum.dbHits + c.dbHits, rows: sum.rows };
    },
    { dbHits: plan.dbHits, rows: plan.rows },
  );
}

/** One line per operator, indented by depth: what it does, rows out and database hits. */
function renderPlan(plan: ProfiledPlan, depth = 0): string[] {
  const details = String(plan.arguments["Details"] ?? "")
    .replace(/\s+/g, " ")
    .slice(0, 160);
  const line = `${"  ".repeat(depth)}${plan.operatorType} ${details} — rows ${plan.rows}, db hits ${plan.dbHits}`;
  return [line, ...plan.children.flatMap((child) => renderPlan(child, depth + 1))];
}

async function profile(driver: Driver, database: string, statement: Statement): Promise<string> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const started = performance.now();
    const result = await session.run(`PROFILE ${statement.cypher}`, statement.params);
    const ms = performance.now() - started;
    const plan = result.summary.profile;
    if (!plan) return `${statement.name}: no profile`;
    const { dbHits } = totals(plan);
    return [
      `#### ${statement.name}: ${dbHits} db hits, ${ms.toFixed(0)} ms (profiled)`,
      "",
      "```",
      statement.cypher.trim(),
      "```",
      "",
      "```",
      ...renderPlan(plan),
      "```",
      "",
    ].join("\n");
  } finally {
    await session.close();
  }
}

export async function profileScenarios(target: BenchTarget, scenarios: Scenario[], params: BenchParams, outFile: string): Promise<void> {
  const driver = createDriver({ ...target });
  let recorded: Statement[] = [];
  const recording = recordingDriver(driver, (cypher, statementParams) =>
    recorded.push({ name: `(a) statement ${recorded.length + 1}`, cypher, params: statementParams }),
  );
  const db = new Neo4jExecutor(recording, { database: target.database, queryTimeoutMs: 120_000 });
  const server = await createServer({ config: { NODE_ENV: "production", PLAYGROUND: false }, db, logger: createLogger("error") });
  const port = await server.listen(0, "127.0.0.1");
  const sections: string[] = [`# PROFILE of each scenario's Cypher\n\nParameters: \`${JSON.stringify(params)}\`\n`];
  try {
    for (const scenario of scenarios) {
      recorded = [];
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: scenario.service.query, variables: scenario.service.variables(params) }),
      });
      await response.text();
      const statements: Statement[] = [...recorded, { name: "(b) floor", cypher: scenario.floor.cypher, params: scenario.floor.params(params) }];
      sections.push(`## ${scenario.title}\n`);
      for (const statement of statements) {
        const text = await profile(driver, target.database, statement);
        sections.push(text);
        console.log(text.split("\n")[0]);
      }
    }
  } finally {
    await server.stop();
    await driver.close();
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, sections.join("\n"));
}
