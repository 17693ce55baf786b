import fs from "node:fs";
import path from "node:path";
import type { Resolvers } from "./__generated__/resolvers.js";
import { projectRoot } from "./config.js";
import { countryResolvers } from "./country/resolvers.js";
import { curationResolvers } from "./curation/resolvers.js";
import { scalarResolvers } from "./graphql/resolvers.js";
import { healthResolvers } from "./health/resolvers.js";
import { meetingResolvers } from "./meeting/resolvers.js";
import { organizationResolvers } from "./organization/resolvers.js";
import { pathResolvers } from "./path/resolvers.js";
import { personResolvers } from "./person/resolvers.js";
import { placeResolvers } from "./place/resolvers.js";
import { proposalResolvers } from "./proposal/resolvers.js";
import { searchResolvers } from "./search/resolvers.js";
import { sourceResolvers } from "./source/resolvers.js";
import { statementResolvers } from "./statement/resolvers.js";
import { topicResolvers } from "./topic/resolvers.js";

/** The SDL: one file per domain in schema/, read in a stable order. */
export function loadTypeDefs(): string[] {
  const dir = path.join(projectRoot, "schema");
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => fs.readFileSync(path.join(dir, file), "utf8"));
}

/** Each domain contributes its own resolver map; types are merged field by field. */
export function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...(fields as Record<string, unknown>) };
  }
  return merged as Resolvers;
}

export const resolvers = mergeResolvers(
  scalarResolvers,
  healthResolvers,
  personResolvers,
  meetingResolvers,
  statementResolvers,
  sourceResolvers,
  placeResolvers,
  countryResolvers,
  topicResolvers,
  organizationResolvers,
  pathResolvers,
  searchResolvers,
  curationResolvers,
  proposalResolvers,
);
