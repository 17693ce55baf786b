import { anonymous, type AuthState } from "./auth/credentials.js";
import { createCountryLoaders } from "./country/country.js";
import { createAuditLoaders } from "./curation/audit.js";
import type { Neo4jExecutor } from "./db/executor.js";
import type { CommitListener } from "./events/changes.js";
import { createClaimLoaders } from "./meeting/claims.js";
import { createMeetingLoaders } from "./meeting/meeting.js";
import { createMeetingPageLoaders } from "./meeting/page.js";
import { createOrganizationLoaders } from "./organization/organization.js";
import { createCounterpartLoaders } from "./person/counterparts.js";
import { createPersonPageLoaders } from "./person/page.js";
import { createPersonLoaders } from "./person/person.js";
import { createPlaceLoaders } from "./place/place.js";
import { createProposalLoaders } from "./proposal/store.js";
import { createSearchLoaders } from "./search/search.js";
import { createSourceLoaders } from "./source/source.js";
import { createStatementLoaders } from "./statement/statement.js";
import { createTopicLoaders } from "./topic/topic.js";

/** What every resolver gets: the request's database view, its per-request loaders and who is calling. */
export interface Context {
  db: Neo4jExecutor;
  loaders: ReturnType<typeof createLoaders>;
  /** The caller's credentials (src/auth/): anonymous unless a valid bearer token was sent. */
  auth: AuthState;
  /** Told of each write the request commits, after the commit (subscriptions, src/events/); absent where nobody listens. */
  committed?: CommitListener;
}

type Merged<T extends object[]> = T extends [infer First, ...infer Rest extends object[]] ? First & Merged<Rest> : unknown;

/**
 * One object with the properties of all `parts`. Object.assign rather than a literal of
 * spreads: V8 builds a literal of eleven spreads about 70 µs per request, Object.assign 10 µs.
 */
function merged<T extends object[]>(...parts: T): Merged<T> {
  return Object.assign({}, ...parts) as Merged<T>;
}

/** Every domain's batch loaders; each field that reads the graph goes through one of them, so a request costs a bounded number of round trips. */
function createLoaders(db: Neo4jExecutor) {
  const meetings = createMeetingLoaders(db);
  const statements = createStatementLoaders(db);
  return merged(
    createPersonLoaders(db),
    createCounterpartLoaders(db),
    createPersonPageLoaders(db, { meetings: meetings.meetingConnection, statements: statements.statementConnection }),
    meetings,
    createMeetingPageLoaders(db),
    createClaimLoaders(db),
    statements,
    createSourceLoaders(db),
    createPlaceLoaders(db),
    createCountryLoaders(db),
    createTopicLoaders(db),
    createOrganizationLoaders(db),
    createAuditLoaders(db),
    createProposalLoaders(db),
    createSearchLoaders(db),
  );
}

/** Drops every cached read of the request: after a write, what the request reads next comes from the database. */
export function refreshLoaders(context: Context): void {
  context.loaders = createLoaders(context.db);
}

/** A fresh context per request, so loader caches never leak between requests. */
export function createContext(db: Neo4jExecutor, auth: AuthState = anonymous, committed?: CommitListener): Context {
  const requestDb = db.withStats({ roundTrips: 0 });
  return { db: requestDb, loaders: createLoaders(requestDb), auth, ...(committed && { committed }) };
}
