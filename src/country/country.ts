/** Countries, by ISO 3166-1 alpha-2 code. */
import type { Neo4jExecutor } from "../db/executor.js";
import { byIdCypher } from "../db/connections.js";
import { nodesById, readNodes } from "../db/loaders.js";

export interface CountryRecord {
  id: string;
  name: string;
}

/** Projects country `c` into a CountryRecord. */
export const COUNTRY_FIELDS = `c {.id, .name}`;

const COUNTRIES_BY_ID = byIdCypher("c", "Country", COUNTRY_FIELDS);

const ALL_COUNTRIES = `
MATCH (c:Country)
RETURN ${COUNTRY_FIELDS} AS node ORDER BY c.name, c.id`;

export function createCountryLoaders(db: Neo4jExecutor) {
  return { countryById: nodesById<CountryRecord>(db, "countries.byId", COUNTRIES_BY_ID) };
}

export const allCountries = (db: Neo4jExecutor) => readNodes<CountryRecord>(db, "countries.all", ALL_COUNTRIES);
