/**
 * The Neo4j driver's connection pool, for /metrics. neo4j-driver has no public API for it (no
 * pool events, no counts), so this reads the pool's private fields, per server address: the
 * connections lent out (`_activeResourceCounts`, which also counts those being opened) and those
 * idle in the pool (`_pools[address].length`). Should a driver release rename them, the figures
 * are left out rather than wrong: the metric then has no samples.
 */
import type { Driver } from "neo4j-driver";

interface PoolInternals {
  _activeResourceCounts?: Record<string, unknown>;
  _pools?: Record<string, { length?: unknown }>;
}

export interface PoolUse {
  address: string;
  inUse: number;
  idle: number;
}

export function driverPoolUse(driver: Driver): PoolUse[] {
  const pool = (driver as unknown as { _connectionProvider?: { _connectionPool?: PoolInternals } | null })._connectionProvider?._connectionPool;
  if (!pool || typeof pool._activeResourceCounts !== "object" || typeof pool._pools !== "object") return [];
  const addresses = new Set([...Object.keys(pool._activeResourceCounts), ...Object.keys(pool._pools)]);
  return [...addresses].map((address) => ({
    address,
    inUse: count(pool._activeResourceCounts?.[address]),
    idle: count(pool._pools?.[address]?.length),
  }));
}

const count = (value: unknown) => (typeof value === "number" ? value : 0);

/** The pool's size per server address, as the driver was configured (`maxConnectionPoolSize`). */
export function driverPoolSize(driver: Driver): number | undefined {
  const size = (driver as unknown as { _config?: { maxConnectionPoolSize?: unknown } })._config?.maxConnectionPoolSize;
  return typeof size === "number" ? size : undefined;
}
