import { expect } from "vitest";
import type { TestApi } from "./api.js";

/** Runs a query that must succeed and returns its data. */
export async function dataOf(api: TestApi, query: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await api.query(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** The node ids of a connection's page. */
export const idsOf = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);
