/**
 * What the load tests share: a throw-away Neo4j with the seed graph and the service run as
 * `npm start` runs it (production mode, a child process with --expose-gc so its heap can be read
 * after a collection), the service's memory from /health/live, and the figures' formatting.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compiledPath, compileService } from "../src/compile.js";
import { loadConfig, projectRoot } from "../src/config.js";
import { freePort } from "../src/db/localNeo4j.js";
import { openDatabase } from "../src/db/open.js";
import { loadCuratedGraph } from "../src/seed/load.js";
import { defaultSeedDir, readSeedDir } from "../src/seed/read.js";
import { UserFacingError } from "../src/script.js";

export const ms = (value: number) => `${Math.round(value)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A duration flag's value, `90s` or `5m`, in seconds. */
export function seconds(text: string, name: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(text.trim());
  if (!match) throw new UserFacingError(`--${name} must look like 90s or 5m (got ${JSON.stringify(text)})`);
  return Number(match[1]) * (match[2] === "m" ? 60 : 1);
}

/** The value at percentile p of an ascending list (0 when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface OwnService {
  /** The GraphQL endpoint, http://127.0.0.1:<port>/graphql. */
  url: string;
  /** Stops the service and the Neo4j, and deletes its data. */
  stop: () => Promise<void>;
}

/**
 * A throw-away Neo4j with the seed graph, and the service as `npm start` runs it, in production mode,
 * without a rate limit (the whole load comes from one client); `env` adds or overrides its settings.
 */
export async function startOwnService(say: (message: string) => void, env: Record<string, string> = {}): Promise<OwnService> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-loadtest-"));
  // Loading the seed graph is not what is measured: on a busy machine its transactions get the time they need.
  const config = loadConfig({
    NEO4J_QUERY_TIMEOUT_MS: "120000",
    ...process.env,
    NEO4J_URI: "",
    NEO4J_DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_PASSWORD: "loadtest-password",
  });
  const database = await openDatabase(config, say).catch((error: unknown) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  let service: ChildProcess | undefined;
  const stop = async () => {
    if (service && service.exitCode === null) {
      service.kill("SIGTERM");
      await new Promise((resolve) => service!.once("exit", resolve));
    }
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await loadCuratedGraph(database.db, readSeedDir(defaultSeedDir));
    say("Compiling the service into dist/...");
    compileService();
    // --expose-gc and DEBUG_EXTENSIONS: /health/live?gc=1 then collects garbage before it reports the heap.
    service = spawn(process.execPath, ["--expose-gc", compiledPath("src/main.ts")], {
      cwd: projectRoot,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DEBUG_EXTENSIONS: "true",
        LOG_LEVEL: "warn",
        RATE_LIMIT_PER_MINUTE: "0",
        PORT: "0",
        HOST: "127.0.0.1",
        SEED_ON_START: "false",
        NEO4J_URI: database.target.uri,
        NEO4J_USER: "neo4j",
        NEO4J_PASSWORD: "loadtest-password",
        ...env,
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    service.stdout!.on("data", (chunk: Buffer) => (output += chunk));
    const deadline = Date.now() + 60_000;
    while (!/GraphQL: (\S+)/.test(output)) {
      if (service.exitCode !== null || Date.now() > deadline) throw new UserFacingError(`The service did not start:\n${output}`);
      await sleep(100);
    }
    const url = /GraphQL: (\S+)/.exec(output)![1]!.replace("localhost", "127.0.0.1");
    say(`Service started (pid ${service.pid}) at ${url}, in production mode.`);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface ServiceMemory {
  heapUsedBytes: number;
  rssBytes: number;
}

/** The service's memory, from /health/live; after a garbage collection with `gc` when the service allows it (startOwnService's does). */
export async function serviceMemory(healthUrl: string, gc = false): Promise<ServiceMemory | null> {
  try {
    const response = await fetch(gc ? `${healthUrl}?gc=1` : healthUrl, { signal: AbortSignal.timeout(5_000) });
    const body = (await response.json()) as { memory?: ServiceMemory };
    return body.memory ?? null;
  } catch {
    return null;
  }
}

/** Stops `own` on Ctrl-C or SIGTERM before exiting, so nothing it started is left running. */
export function stopOnSignal(own: OwnService | null, say: (message: string) => void): void {
  const interrupted = () => {
    say("Interrupted.");
    void (own?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
}
