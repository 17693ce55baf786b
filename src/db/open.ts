import { setTimeout as sleep } from "node:timers/promises";
import type { Config } from "../config.js";
import { createDriver, driverTimeouts, resolveDatabase, waitForDatabase, type DatabaseTarget } from "./connect.js";
import { Neo4jExecutor } from "./executor.js";
import { migrate } from "./migrations.js";

export interface OpenDatabase {
  db: Neo4jExecutor;
  target: DatabaseTarget;
  /** Closes the driver (giving up on it after a few seconds), and stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * What the start command and every script do first: find or start the database, wait for it,
 * apply migrations. On failure nothing is left running.
 */
export async function openDatabase(config: Config, progress: (message: string) => void): Promise<OpenDatabase> {
  const target = await resolveDatabase(config, progress);
  const driver = createDriver(target, driverTimeouts(config), config.NEO4J_NOTIFICATIONS);
  const close = async () => {
    // Closing sends a goodbye on every pooled connection; a hung server must not hold the exit up.
    await Promise.race([driver.close(), sleep(Math.max(5_000, config.NEO4J_CONNECTION_TIMEOUT_MS), undefined, { ref: false })]);
    if (target.local?.startedHere) {
      progress("Stopping the local Neo4j...");
      await target.local.stop();
    }
  };
  try {
    await waitForDatabase(driver, target, config.NEO4J_CONNECT_TIMEOUT_MS);
    const db = new Neo4jExecutor(driver, {
      database: target.database,
      queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS,
      retryTimeoutMs: config.NEO4J_RETRY_TIMEOUT_MS,
    });
    const applied = await migrate(db);
    if (applied.length > 0) progress(`Applied schema migrations ${applied.join(", ")}.`);
    return { db, target, close };
  } catch (error) {
    await close();
    throw error;
  }
}
