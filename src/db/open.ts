import type { Config } from "../config.js";
import { createDriver, resolveDatabase, waitForDatabase, type DatabaseTarget } from "./connect.js";
import { Neo4jExecutor } from "./executor.js";
import { migrate } from "./migrations.js";

export interface OpenDatabase {
  db: Neo4jExecutor;
  target: DatabaseTarget;
  /** Closes the driver, and stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * What the start command and every script do first: find or start the database, wait for it,
 * apply migrations. On failure nothing is left running.
 */
export async function openDatabase(config: Config, progress: (message: string) => void): Promise<OpenDatabase> {
  const target = await resolveDatabase(config, progress);
  const driver = createDriver(target);
  const close = async () => {
    await driver.close();
    if (target.local?.startedHere) {
      progress("Stopping the local Neo4j...");
      await target.local.stop();
    }
  };
  try {
    await waitForDatabase(driver, target, config.NEO4J_CONNECT_TIMEOUT_MS);
    const db = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS });
    const applied = await migrate(db);
    if (applied.length > 0) progress(`Applied schema migrations ${applied.join(", ")}.`);
    return { db, target, close };
  } catch (error) {
    await close();
    throw error;
  }
}
