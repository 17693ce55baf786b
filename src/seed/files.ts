/**
 * The hand-curated seed graph's files (seed/data/*.json): which there are, in which order they
 * are read, and the entry schema (src/model/entries.ts) each holds.
 */
import {
  countrySchema,
  meetingSchema,
  organizationSchema,
  personSchema,
  placeSchema,
  sourceSchema,
  statementSchema,
  topicSchema,
  type SeedCountry,
  type SeedMeeting,
  type SeedOrganization,
  type SeedPerson,
  type SeedPlace,
  type SeedSource,
  type SeedStatement,
  type SeedTopic,
} from "../model/entries.js";

export const seedFileSchemas = {
  countries: countrySchema,
  organizations: organizationSchema,
  places: placeSchema,
  topics: topicSchema,
  sources: sourceSchema,
  people: personSchema,
  meetings: meetingSchema,
  statements: statementSchema,
} as const;

export interface SeedGraph {
  countries: SeedCountry[];
  organizations: SeedOrganization[];
  places: SeedPlace[];
  topics: SeedTopic[];
  sources: SeedSource[];
  people: SeedPerson[];
  meetings: SeedMeeting[];
  statements: SeedStatement[];
}

export type SeedFileName = keyof SeedGraph;

/** The eight files, in dependency order (each only refers to files before it, except people → people). */
export const SEED_FILE_NAMES: readonly SeedFileName[] = ["countries", "organizations", "places", "topics", "sources", "people", "meetings", "statements"];
