/**
 * A Neo4j of a test file's own, for the fault tests: they stop, kill and restart it, which the
 * suite's shared one (globalSetup) must never see. A temporary data directory and a free port,
 * kept across restarts so a restart finds the same store at the same address.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config.js";
import { createDriver, waitForDatabase, type DatabaseTarget } from "../../src/db/connect.js";
import { Neo4jExecutor } from "../../src/db/executor.js";
import { freePort, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from "../../src/db/localNeo4j.js";
import { migrate } from "../../src/db/migrations.js";
import { defaultSeedDir, readSeedDir } from "../../src/seed/read.js";
import { loadCuratedGraph } from "../../src/seed/load.js";

export interface OwnNeo4j {
  target: Pick<DatabaseTarget, "uri" | "user" | "password" | "database">;
  /** Starts it again on the same data directory and port; resolves when Bolt accepts connections. */
  start(): Promise<void>;
  /** A clean stop (SIGTERM: the store is closed properly). */
  stop(): Promise<void>;
  /** An unclean stop: SIGKILL, as a crash or the OOM killer would. Resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: a host that stops answering without closing anything (a frozen VM, a long GC pause). */
  freeze(): void;
  thaw(): void;
  /** Stops it and deletes its data. */
  remove(): Promise<void>;
}

/** Starts one, with the schema migrations and the curated seed graph. */
export async function startOwnNeo4j(name: string): Promise<OwnNeo4j> {
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `meetgraph-${name}-`));
  const password = `${name}-password-${process.pid}`;
  const options: LocalNeo4jOptions = {
    dataDir,
    boltPort: await freePort(),
    password,
    heap: "384m",
    pageCache: "64m",
    startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
  };
  const signal = (name: NodeJS.Signals) => {
    const status = localNeo4jStatus(dataDir);
    if (status.state === "running") process.kill(status.pid, name);
  };
  const own: OwnNeo4j = {
    target: { uri: `bolt://127.0.0.1:${options.boltPort}`, user: "neo4j", password, database: "neo4j" },
    start: async () => void (await startLocalNeo4j(options)),
    stop: () => stopLocalNeo4j(dataDir),
    kill: async () => {
      const status = localNeo4jStatus(dataDir);
      if (status.state !== "running") return;
      process.kill(status.pid, "SIGKILL");
      while (localNeo4jStatus(dataDir).state === "running") await new Promise((resolve) => setTimeout(resolve, 50));
    },
    freeze: () => signal("SIGSTOP"),
    thaw: () => signal("SIGCONT"),
    remove: async () => {
      await stopLocalNeo4j(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await own.start();
    const driver = createDriver(own.target);
    try {
      await waitForDatabase(driver, { ...own.target }, 60_000);
      const db = new Neo4jExecutor(driver, { database: "neo4j", queryTimeoutMs: 60_000 });
      await migrate(db);
      await loadCuratedGraph(db, readSeedDir(defaultSeedDir));
    } finally {
      await driver.close();
    }
  } catch (error) {
    await own.remove();
    throw error;
  }
  return own;
}
