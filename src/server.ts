/**
 * Wiring only: one Fastify app for every path: Apollo Server at /graphql (src/http/) with a
 * per-request context, health endpoints, the offline Playground's assets and the web app at /.
 * The domains live in src/<domain>/ and the database door in src/db/.
 */
import { ApolloServer } from "@apollo/server";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { compiledExecution } from "./graphql/compiledExecution.js";
import { roundTripsPlugin } from "./graphql/roundTrips.js";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import http from "node:http";
import Fastify, { LogController, type FastifyBaseLogger } from "fastify";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { readAuthPlugin } from "./auth/plugin.js";
import type { AuthState } from "./auth/credentials.js";
import { requestAuth } from "./auth/requestAuth.js";
import { loadConfig, type Config } from "./config.js";
import { createResponseCache } from "./cache/responseCache.js";
import { createContext, type Context } from "./context.js";
import type { Neo4jExecutor } from "./db/executor.js";
import { InProcessBus, type EventBus } from "./events/bus.js";
import { publishCommits } from "./events/changes.js";
import { neo4jLookup, warmUpExtraction } from "./extract/index.js";
import { healthRoutes } from "./health/routes.js";
import { readSamples, runWarmup, warmupRequests, type KnownDocument } from "./health/warmup.js";
import { applicationJsonStatusPlugin } from "./http/applicationJsonStatus.js";
import { drainable } from "./http/drain.js";
import { errorLogs } from "./http/errorLog.js";
import { graphqlEndpoint } from "./http/graphqlEndpoint.js";
import { createHttpServer, trustedProxies } from "./http/httpServer.js";
import { clientKey, rateLimit } from "./http/rateLimit.js";
import { codeClientErrors, withoutInternals } from "./http/safeErrors.js";
import { loadManifest } from "./persisted/manifest.js";
import { persistedQueriesPlugin } from "./persisted/plugin.js";
import { explainTokenLimit, queryLimitsPlugin } from "./limits/plugin.js";
import type { Logger } from "./logger.js";
import { createMetrics } from "./metrics/metrics.js";
import { metricsPlugin } from "./metrics/plugin.js";
import { metricsRoute } from "./metrics/route.js";
import { REQUEST_ID_LOG_LABEL, reportRequests, requestIdOf } from "./http/requestId.js";
import { connectSharedState } from "./redis/sharedState.js";
import { playgroundAssets } from "./playground/assets.js";
import { landingPagePlugin } from "./playground/plugin.js";
import { exampleTabs } from "./playground/tabs.js";
import { loadTypeDefs, mergeResolvers, resolvers } from "./schema.js";
import { subscriptionResolvers } from "./subscriptions/resolvers.js";
import { serveSubscriptions } from "./subscriptions/websocket.js";
import { webApp } from "./webapp/serve.js";

const graphqlPath = "/graphql";
/** The largest request body read: a GraphQL document with its variables needs far less. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Who the warm-up's queries run as: a reader, so that READS_REQUIRE_AUTH does not refuse them. */
const WARMUP_AUTH = { principal: { actor: "warm-up", via: "api-key", permissions: ["read"] }, problem: null } as const satisfies AuthState;

/** What the warm-up did: how many documents it ran, which it could not, and how many answers had errors. */
export interface WarmupReport {
  documents: number;
  skipped: string[];
  failed: number;
}

export interface ServerDeps {
  /** The settings left out (all but NODE_ENV) take their documented defaults. */
  config: Pick<Config, "NODE_ENV"> & Partial<Omit<Config, "NODE_ENV">>;
  db: Neo4jExecutor;
  logger: Logger;
}

export async function createServer({ config, db, logger }: ServerDeps) {
  const development = config.NODE_ENV !== "production";
  const settings = { ...loadConfig({ NODE_ENV: config.NODE_ENV }), ...config };
  const httpServer = createHttpServer(settings);
  const drain = drainable(httpServer);
  const { PLAYGROUND, CORS_ORIGINS, READS_REQUIRE_AUTH } = settings;
  const auth = requestAuth(settings);
  const shared = await connectSharedState(settings.REDIS_URL, logger);
  // Scraped only once the server listens, by when `subscriptions` exists.
  const metrics = createMetrics({ driver: db.driver, redis: shared?.redis, openSubscriptions: () => subscriptions.listening });
  const app = Fastify<http.Server, http.IncomingMessage, http.ServerResponse, FastifyBaseLogger>({
    // The server with this service's limits (src/http/httpServer.ts), refusing requests once shutdown has begun.
    serverFactory: (handler) => httpServer.on("request", drain.gate(handler)),
    loggerInstance: logger,
    // One line per request, at debug, comes from reportRequests.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: REQUEST_ID_LOG_LABEL }),
    genReqId: requestIdOf,
    // request.ip, which the rate limit keys on, believes X-Forwarded-For only from these.
    trustProxy: trustedProxies(settings.TRUST_PROXY),
  });
  reportRequests(app, (status) => metrics.httpResponses.inc({ status }));

  const manifest = loadManifest();
  // Where subscriptions' events travel: this process only, or with REDIS_URL every instance (the one place to choose).
  const bus: EventBus = shared?.events ?? new InProcessBus();
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: mergeResolvers(resolvers, subscriptionResolvers(bus)) });
  const cache =
    settings.RESPONSE_CACHE === "on"
      ? await createResponseCache({ schema, maxEntries: settings.RESPONSE_CACHE_MAX_ENTRIES, db, redis: shared?.redis, metrics: metrics.responseCache, logger })
      : null;
  const published = publishCommits(bus, db, logger);
  const commits = cache ? cache.invalidating(published) : published;
  const errorLog = errorLogs(logger);
  const formatError = (original: GraphQLFormattedError, error: unknown) => {
    const formatted = codeClientErrors(explainTokenLimit(original), error);
    const code = formatted.extensions?.code;
    if (code === "INTERNAL_SERVER_ERROR") {
      errorLog.logFor(error).error({ err: unwrapResolverError(error) }, "unexpected error while resolving");
      if (!development) return { message: "Internal server error", extensions: { code } };
    }
    return development ? formatted : withoutInternals(formatted);
  };
  const limits = {
    maxDepth: settings.MAX_QUERY_DEPTH,
    maxAliases: settings.MAX_QUERY_ALIASES,
    maxSelections: settings.MAX_QUERY_SELECTIONS,
    maxCost: settings.MAX_QUERY_COST,
    maxListLength: settings.MAX_LIST_ARGUMENT_LENGTH,
  };
  const apollo = new ApolloServer<Context>({
    // Operations run compiled (graphql-jit) rather than interpreted: see src/graphql/compiledExecution.ts.
    gateway: compiledExecution(schema, { enabled: settings.COMPILED_EXECUTION, maxDocuments: settings.COMPILED_DOCUMENTS_MAX }),
    // A typo in Playground should not answer with an eleven-line trace; the log keeps them.
    includeStacktraceInErrorResponses: development && settings.STACK_TRACES_IN_RESPONSES,
    // main.ts owns the signals: it must stop the API, then the driver, then the local Neo4j, in that order.
    stopOnTerminationSignals: false,
    introspection: settings.INTROSPECTION,
    // With the schema hidden, "Did you mean …?" suggestions would reveal it.
    hideSchemaDetailsFromClientErrors: !settings.INTROSPECTION,
    csrfPrevention: settings.CSRF_PREVENTION,
    // Apollo's APQ cache (in memory, bounded); allow-list mode adds its own check in the plugin below.
    persistedQueries: shared ? { cache: shared.persistedQueries } : {},
    parseOptions: { maxTokens: settings.MAX_QUERY_TOKENS },
    formatError,
    plugins: [
      // Both wrap every field resolver of every request: cache hints (no @cacheControl in the schema; the
      // response cache is invalidated by writes, not by hints) and federation traces (not a subgraph).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      roundTripsPlugin(settings.DEBUG_EXTENSIONS),
      metricsPlugin(metrics),
      errorLog.plugin,
      applicationJsonStatusPlugin(),
      landingPagePlugin({ enabled: PLAYGROUND, endpoint: graphqlPath }),
      readAuthPlugin(READS_REQUIRE_AUTH),
      // Before the limits: an operation outside the allow-list is refused as such, whatever its size.
      persistedQueriesPlugin(settings.PERSISTED_QUERIES, manifest),
      queryLimitsPlugin(limits),
      // Last: only an operation every plugin above let through is answered from the cache.
      ...(cache ? [cache.plugin] : []),
    ],
  });
  await apollo.start();
  let warming: string | null = settings.WARMUP_ON_START ? "warming up: the known queries are being planned" : null;

  await app.register(
    graphqlEndpoint({
      path: graphqlPath,
      apollo,
      corsOrigins: CORS_ORIGINS,
      onRequest: [
        auth.hook,
        rateLimit({
          perMinute: settings.RATE_LIMIT_PER_MINUTE,
          burst: settings.RATE_LIMIT_BURST,
          clientOf: (request) => clientKey(request.ip, auth.of(request.raw)),
          shared: shared?.tokenBuckets(settings.RATE_LIMIT_PER_MINUTE, settings.RATE_LIMIT_BURST),
          onRefused: () => metrics.rateLimitRefusals.inc(),
        }),
      ],
      bodyLimitBytes: BODY_LIMIT_BYTES,
      context: async (request) => createContext(db.forRequest(request.id), auth.of(request.raw), commits),
    }),
  );
  await app.register(
    healthRoutes({
      driver: db.driver,
      database: db.database,
      timeoutMs: settings.NEO4J_CONNECTION_TIMEOUT_MS,
      collectGarbageOnRequest: settings.DEBUG_EXTENSIONS,
      notReadyBecause: () => warming,
      warnings: () => [shared?.redis.problem() ?? null],
    }),
  );
  if (settings.METRICS_ENABLED) await app.register(metricsRoute(metrics, settings.METRICS_TOKEN));
  if (PLAYGROUND) await app.register(playgroundAssets());
  await app.register(webApp());
  await app.ready();
  const subscriptions = serveSubscriptions({
    httpServer,
    path: graphqlPath,
    schema,
    db,
    settings,
    limits,
    allowList: settings.PERSISTED_QUERIES === "allowlist" ? manifest : null,
    formatError,
    logger,
  });

  return {
    httpServer,
    /** Open WebSocket connections, and the subscriptions listening on them. */
    subscriptions: {
      get connections() {
        return subscriptions.connections;
      },
      get listening() {
        return subscriptions.listening;
      },
    },
    /** Listens and resolves with the bound port (0 picks a free one). */
    listen(port: number, host?: string): Promise<number> {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    /**
     * Runs the queries the service knows (the web app's, the Playground's, and `extra`), and the
     * article extraction once (src/extract/), before /health/ready turns ready (src/health/warmup.ts).
     * A failure is logged, not thrown: the
     * service is then ready as it would be without a warm-up.
     */
    warmUp: async (extra: KnownDocument[] = []): Promise<WarmupReport> => {
      const report: WarmupReport = { documents: 0, skipped: [], failed: 0 };
      try {
        const known = [...[...manifest.values()].map((query) => ({ name: "web app", query })), ...exampleTabs, ...extra];
        const { requests, skipped } = warmupRequests(known, await readSamples(db));
        Object.assign(report, { documents: requests.length, skipped });
        await runWarmup(requests, async (request) => {
          const response = await apollo.executeOperation(request, { contextValue: createContext(db, WARMUP_AUTH) });
          if (response.body.kind === "single" && response.body.singleResult.errors?.length) report.failed++;
        });
        await warmUpExtraction(neo4jLookup(db));
      } catch (error) {
        logger.warn({ err: error }, "the warm-up stopped early; the service is ready without it");
      } finally {
        warming = null;
      }
      return report;
    },
    /**
     * Closes WebSocket connections with 1012 (service restart: clients reconnect), stops accepting,
     * refuses requests on open connections (readiness included), lets requests in flight finish (up
     * to SHUTDOWN_TIMEOUT_MS, then closes their connections), stops Apollo Server, then publishes
     * the events of writes that committed meanwhile and closes the event bus.
     */
    stop: async () => {
      await subscriptions.close();
      await drain.drain(settings.SHUTDOWN_TIMEOUT_MS);
      await apollo.stop();
      await commits.settled();
      await bus.close();
      await shared?.redis.close();
    },
  };
}
