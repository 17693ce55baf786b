/**
 * The benchmark keeps working: `npm run bench -- --quick` runs end to end in its own throw-away
 * Neo4j (never the suite's, whose curated graph other tests count) and writes well-formed
 * results. Nothing here asserts a timing: only that every contender answered every scenario,
 * with the same answer as the floor.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/config.js";
import type { RunResult } from "../bench/report.js";
import { CACHE_CONTENDERS } from "../bench/cacheMix.js";
import { CONTENDERS, SCENARIOS } from "../bench/scenarios.js";
import { WRITE_SCENARIOS } from "../bench/writes.js";

const out = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-bench-test-"));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

// The quick run starts a local Neo4j of its own; with NEO4J_URI and no Java there is none to start.
const noLocalNeo4j = Boolean(process.env.NEO4J_URI) && spawnSync("java", ["-version"], { stdio: "ignore" }).status !== 0;

function runQuickBench(): Promise<{ code: number | null; output: string }> {
  const env = { ...process.env };
  // Never the database under test: the quick run loads synthetic data.
  for (const name of ["NEO4J_URI", "NEO4J_USER", "NEO4J_DATABASE"]) delete env[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "bench/bench.ts"), "--quick", "--out", out], { cwd: projectRoot, env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe.skipIf(noLocalNeo4j)("npm run bench -- --quick", () => {
  it("runs every scenario against its contenders and writes results.json and RESULTS.md", { timeout: 420_000 }, async () => {
    const { code, output } = await runQuickBench();
    expect(code, output).toBe(0);

    const { runs } = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8")) as { runs: Record<string, RunResult> };
    const [run] = Object.values(runs);
    expect(run!.quick).toBe(true);
    expect(run!.machine.neo4j).toMatch(/^5\./);
    expect(run!.fixedCosts.roundTripP50).toBeGreaterThan(0);
    for (const scenario of SCENARIOS) {
      // @neo4j/graphql cannot express some of the web app's pages (bench/pages.ts says why): those run against two contenders.
      for (const contender of CONTENDERS.filter((c) => c !== "neo4jGraphql" || scenario.neo4jGraphql)) {
        const probe = run!.probes[scenario.id]![contender]!;
        expect(probe, `${scenario.id} ${contender}: ${JSON.stringify(probe)}`).toMatchObject({ ok: true, sameAnswerAsFloor: true });
        for (const connections of run!.settings.concurrency) {
          const m = run!.measurements.find((x) => x.scenario === scenario.id && x.contender === contender && x.connections === connections);
          expect(m, `${scenario.id} ${contender} c=${connections}`).toBeDefined();
          expect(m!.failures).toEqual({ non200: 0, graphqlErrors: 0, transport: 0 });
          expect(m!.rps).toBeGreaterThanOrEqual(0);
        }
      }
      expect((run!.probes[scenario.id]!.service as { roundTrips?: number }).roundTrips).toBeGreaterThan(0);
    }

    // Writes: each contender's write committed and left the same graph; none failed under load; the graph is as before.
    const writes = run!.writes!;
    for (const scenario of WRITE_SCENARIOS) {
      expect(writes.checks[scenario.id], scenario.id).toMatchObject({ service: { ok: true }, floor: { ok: true }, sameGraph: true });
      for (const contender of ["service", "floor"] as const) {
        for (const connections of writes.concurrency) {
          const m = writes.measurements.find((x) => x.scenario === scenario.id && x.contender === contender && x.connections === connections);
          expect(m?.failures, `${scenario.id} ${contender} c=${connections}`).toEqual({ non200: 0, graphqlErrors: 0, transport: 0 });
        }
      }
    }
    expect(writes.countsAfter).toEqual(writes.countsBefore);

    // The response cache mix: every contender answered without failure, reads were checked against the floor and none was stale, the graph is as before.
    const cache = run!.cache!;
    for (const contender of CACHE_CONTENDERS) {
      for (const connections of cache.concurrency) {
        const m = cache.measurements.find((x) => x.contender === contender && x.connections === connections);
        expect(m?.failures, `cache mix ${contender} c=${connections}`).toEqual({ non200: 0, graphqlErrors: 0, transport: 0 });
      }
    }
    expect(cache.correctness).toMatchObject({ stale: 0, examples: [] });
    expect(cache.correctness.writes).toBeGreaterThan(0);
    expect(cache.correctness.afterWrite).toBeGreaterThan(0);
    expect(cache.countsAfter).toEqual(cache.countsBefore);

    const markdown = fs.readFileSync(path.join(out, "RESULTS.md"), "utf8");
    expect(markdown).toContain("### Latency (ms) and throughput (requests/s)");
    expect(markdown).toContain("### The web app's pages: latency (ms) and throughput (requests/s)");
    expect(markdown).toContain("### Writes");
    expect(markdown).toContain("### Response cache");
    for (const scenario of [...SCENARIOS, ...WRITE_SCENARIOS]) expect(markdown).toContain(scenario.id);
  });
});
