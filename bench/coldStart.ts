/**
 * `npm run bench -- --cold-start`: what the first users after a start meet. For each variant
 * (the service without its warm-up, and with it), Neo4j is restarted (its query caches empty), the
 * service is started, and once `/health/ready` is green the first requests are timed, one at a
 * time, going round the scenarios; then, after as many again to warm it, the same number once
 * more. The figure of issue 24: the p99 of the first requests at most 2× the warm p99.
 */
import fs from "node:fs";
import path from "node:path";
import type { Neo4jExecutor } from "../src/db/executor.js";
import { NEO4J_EXPRESSION_RECOMPILATION_LIMIT, type KnownDocument } from "../src/health/warmup.js";
import { quantile } from "./load.js";
import type { BenchParams } from "./params.js";
import type { Scenario } from "./scenarios.js";
import type { ServerProcess } from "./servers/spawn.js";

/** How many requests each phase times. */
export const COLD_START_REQUESTS = 100;
/** How many of a phase's slowest requests the report names: the p99 of 100 is the second slowest, so a few tell what the tail is. */
const SLOWEST_SHOWN = 5;

export interface TimedPhase {
  p50: number | null;
  p99: number | null;
  max: number | null;
  failures: number;
  /** The slowest requests, slowest first: which scenario, and the how-manieth of the phase it was (from 1). */
  slowest: { scenario: string; position: number; ms: number }[];
}

export interface ColdStartVariant {
  warmup: boolean;
  /** From the service's start to a green /health/ready. */
  readySeconds: number;
  first: TimedPhase;
  warm: TimedPhase;
  /**
   * What Neo4j did for the first requests, by its own query collector: statements it planned (run
   * for the first time) and replanned with compiled expressions (run once past the limit). Unlike
   * the times, these do not depend on what else the machine runs.
   */
  duringFirst: { planned: number; replanned: number };
}

/** Starts Neo4j's query collector afresh, before the service starts: it counts every statement's executions from then on. */
export async function startCountingStatements(db: Neo4jExecutor): Promise<void> {
  await db.read("bench.collectQueries", "CALL db.stats.clear('QUERIES') YIELD section CALL db.stats.collect('QUERIES') YIELD success RETURN success");
}

/**
 * How many times Neo4j ran each statement since startCountingStatements, by text (the collector's
 * own calls left out), summed over the collector's entries for it (its key is more than the text).
 */
export async function statementExecutions(db: Neo4jExecutor): Promise<Map<string, number>> {
  const rows = await db.read<{ query: string; executions: number }>(
    "bench.queryStats",
    `CALL db.stats.retrieve('QUERIES') YIELD data
     WITH data WHERE NOT data.query CONTAINS 'db.stats.'
     RETURN data.query AS query, sum(data.invocationSummary.invocationCount) AS executions`,
  );
  return new Map(rows.map((row) => [row.query, Number(row.executions)]));
}

/** The statements first run, and those run past the recompilation limit, between two counts. */
export function statementChanges(before: Map<string, number>, after: Map<string, number>): ColdStartVariant["duringFirst"] {
  let planned = 0;
  let replanned = 0;
  for (const [query, executions] of after) {
    const earlier = before.get(query) ?? 0;
    if (earlier === 0) planned += 1;
    if (earlier <= NEO4J_EXPRESSION_RECOMPILATION_LIMIT && executions > NEO4J_EXPRESSION_RECOMPILATION_LIMIT) replanned += 1;
  }
  return { planned, replanned };
}

/** The scenarios as documents the service knows, with the benchmark's parameters (what it warms with). */
export function scenarioDocuments(scenarios: Scenario[], params: BenchParams): KnownDocument[] {
  return scenarios.map((s) => ({ name: s.id, query: s.service.query, variables: s.service.variables(params) }));
}

/** Polls /health/ready until it answers 200; the seconds it took from `since`. */
export async function waitUntilReady(server: ServerProcess, since: number, timeoutMs = 600_000): Promise<number> {
  while (Date.now() - since < timeoutMs) {
    const status = await fetch(`http://127.0.0.1:${server.port}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return (Date.now() - since) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The service was not ready within ${timeoutMs / 1000} s.`);
}

/** `count` requests one after another, going round the scenarios; their latencies and failures. */
export async function timeRequests(server: ServerProcess, scenarios: Scenario[], params: BenchParams, count: number): Promise<TimedPhase> {
  const timed: TimedPhase["slowest"] = [];
  let failures = 0;
  for (let i = 0; i < count; i++) {
    const scenario = scenarios[i % scenarios.length]!;
    const body = JSON.stringify({ query: scenario.service.query, variables: scenario.service.variables(params) });
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const text = await response.text();
    timed.push({ scenario: scenario.id, position: i + 1, ms: Math.round((performance.now() - started) * 100) / 100 });
    if (response.status !== 200 || text.includes('"errors":')) failures += 1;
  }
  const sorted = timed.map((t) => t.ms).sort((a, b) => a - b);
  const slowest = timed.sort((a, b) => b.ms - a.ms).slice(0, SLOWEST_SHOWN);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: quantile(sorted, 1), failures, slowest };
}

/** Writes cold-start.json and COLD-START.md into `out`; returns their paths. */
export function writeColdStartReport(out: string, run: { date: string; sizes: { people: number; meetings: number }; variants: ColdStartVariant[] }): string[] {
  fs.mkdirSync(out, { recursive: true });
  const json = path.join(out, "cold-start.json");
  fs.writeFileSync(json, `${JSON.stringify(run, null, 2)}\n`);
  const ratio = (v: ColdStartVariant) => (v.first.p99 !== null && v.warm.p99 ? `${(v.first.p99 / v.warm.p99).toFixed(2)}×` : "n/a");
  const ms = (value: number | null) => (value === null ? "n/a" : value.toFixed(1));
  const rows = run.variants.map(
    (v) =>
      `| ${v.warmup ? "with the warm-up" : "without"} | ${v.readySeconds.toFixed(1)} s | ${ms(v.first.p50)} | ${ms(v.first.p99)} | ${ms(v.first.max)} | ${ms(v.warm.p50)} | ${ms(v.warm.p99)} | ${ratio(v)} | ${v.first.failures + v.warm.failures} | ${v.duringFirst.planned} / ${v.duringFirst.replanned} |`,
  );
  const md = path.join(out, "COLD-START.md");
  fs.writeFileSync(
    md,
    [
      "# Cold start",
      "",
      `Generated by \`npm run bench -- --cold-start\` (${run.date}, ${run.sizes.people} people / ${run.sizes.meetings} meetings).`,
      `For each row Neo4j was restarted and the service started; once \`/health/ready\` was green, ${COLD_START_REQUESTS} requests were timed one at a time,`,
      `going round the six scenarios ("first"), then ${COLD_START_REQUESTS} more untimed, then ${COLD_START_REQUESTS} timed again ("warm"). Issue 24's target: first p99 ≤ 2× warm p99. Times in ms.`,
      `The last column is Neo4j's own count (its query collector, from before the service started): the statements the first requests ran for the first time, and those they ran past the expression recompilation limit (${NEO4J_EXPRESSION_RECOMPILATION_LIMIT} executions), each a replanning.`,
      "",
      "| service | start to ready | first p50 | first p99 | first max | warm p50 | warm p99 | first p99 / warm p99 | failures | statements planned / replanned by the first |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows,
      "",
      `The ${SLOWEST_SHOWN} slowest of the first requests (scenario, its position among them, ms): what the tail is.`,
      "",
      ...run.variants.map(
        (v) => `- ${v.warmup ? "with the warm-up" : "without"}: ${v.first.slowest.map((t) => `${t.scenario} #${t.position} ${ms(t.ms)}`).join(", ")}`,
      ),
      "",
    ].join("\n"),
  );
  return [json, md];
}
