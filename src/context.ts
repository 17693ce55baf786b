import type { Neo4jExecutor } from "./db/executor.js";
import { createPersonLoaders } from "./person/person.js";

/** What every resolver gets: the request's database view and its per-request loaders. */
export interface Context {
  db: Neo4jExecutor;
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(db: Neo4jExecutor) {
  return { ...createPersonLoaders(db) };
}

/** A fresh context per request, so loader caches never leak between requests. */
export function createContext(db: Neo4jExecutor): Context {
  const requestDb = db.withStats({ roundTrips: 0 });
  return { db: requestDb, loaders: createLoaders(requestDb) };
}
