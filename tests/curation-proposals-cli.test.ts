/** `npm run ingest` (issue 20): ingests an article file, prints its proposals, and writes facts only with --accept-all. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/config.js";
import { useApi } from "./support/api.js";
import { testId } from "./support/curation.js";
import { cleanUpArticlesAfterAll } from "./support/proposals.js";
import { runScript } from "./support/scripts.js";

const api = useApi();
cleanUpArticlesAfterAll(api);

const SLOW = { timeout: 300_000 };
const seeds = process.env.MEETGRAPH_SEED_SOURCES ?? path.resolve(projectRoot, "..", "shared", "seeds");
const ARTICLE = path.join(seeds, "000_e373de4a0ca40ca8.txt");
const CLI = "src/proposal/cli.ts";

const FACTS_FROM = `
MATCH (s:Source {id: $id})
RETURN COUNT { (:Claim)-[:FROM]->(s) } + COUNT { (:Wording)-[:FROM]->(s) } AS facts,
       COUNT { (p:Proposal {status: 'PENDING'})-[:PROPOSED_FROM]->(s) } AS pending,
       COUNT { (p:Proposal {status: 'ACCEPTED'})-[:PROPOSED_FROM]->(s) } AS accepted`;
const countsOf = async (id: string) => (await api.db.read<{ facts: number; pending: number; accepted: number }>("test.cliFacts", FACTS_FROM, { id }))[0]!;

describe("npm run ingest", () => {
  it("prints the proposals as a table and writes no fact without review; --accept-all accepts them", SLOW, async () => {
    const title = testId("cli");
    const { code, output } = runScript(CLI, ARTICLE, "--title", title, "--publisher", "Test Wire", "--published", "2025-03-14");
    expect(code, output).toBe(0);
    const sourceId = `${title}-test-wire-2025-03-14`;
    expect(output).toContain(`Source ${sourceId}:`);
    expect(output).toMatch(/STATUS\s+KIND\s+CONF\s+SUMMARY\s+EXCERPT\s+ID/);
    expect(output).toMatch(/PENDING\s+MEETING/);
    expect(output).toContain("Nothing was written but the source and its proposals");
    const reviewed = await countsOf(sourceId);
    expect(reviewed.facts).toBe(0);
    expect(reviewed.pending).toBeGreaterThan(0);

    const accepted = runScript(CLI, ARTICLE, "--title", title, "--publisher", "Test Wire", "--published", "2025-03-14", "--accept-all");
    expect(accepted.code, accepted.output).toBe(0);
    expect(accepted.output).toMatch(/Accepted \d+ proposals/);
    const after = await countsOf(sourceId);
    expect(after.accepted).toBeGreaterThan(0);
    expect(after.facts).toBeGreaterThan(0);
  });

  it("refuses what is not an article, and bad flags, before touching the graph, saying what to do", SLOW, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-cli-"));
    const latin1 = path.join(dir, "latin1.txt");
    fs.writeFileSync(latin1, Buffer.from([0x50, 0x75, 0x74, 0x69, 0x6e, 0x20, 0xe9, 0x74, 0xe9]));
    const bad = runScript(CLI, latin1);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain("not valid UTF-8");
    const flag = runScript(CLI, ARTICLE, "--published", "14 March");
    expect(flag.code).toBe(1);
    expect(flag.output).toContain("--published must be a date like 2025-12-03");
    expect(flag.output).toContain("Usage: npm run ingest");
    const help = runScript(CLI, "--help");
    expect(help.code).toBe(0);
    expect(help.output).toContain("--accept-all");
    fs.rmSync(dir, { recursive: true });
  });
});
