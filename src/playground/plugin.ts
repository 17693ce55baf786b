/**
 * GraphQL Playground as Apollo Server's landing page, working offline.
 *
 * `@apollographql/graphql-playground-html` renders the page; its `cdnUrl` points at this
 * service's own copy of the React build (see assets.ts) instead of jsDelivr, and the Google
 * Fonts link it hard-codes is replaced by fonts from npm. (The ready-made Apollo plugin for
 * Playground pins @apollo/server 4, hence this small one.)
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { renderPlaygroundPage } from "@apollographql/graphql-playground-html";
import { fontStylesheets, playgroundAssetsPath, playgroundVersion } from "./assets.js";
import { exampleTabs } from "./tabs.js";

const googleFontsLink = /<link href="https:\/\/fonts\.googleapis\.com\/[^"]*" rel="stylesheet">/;

/** Any src or href that leaves this origin: absolute (`https://…`) or protocol-relative (`//…`). */
const remoteReference = /\b(?:src|href)="(?:[a-z]+:)?\/\//i;

/** The Playground's page for the GraphQL endpoint at `endpoint` (a path on this origin, e.g. "/graphql"). */
export function renderOfflinePlayground(endpoint: string): string {
  const page = renderPlaygroundPage({
    title: "meetgraph · GraphQL Playground",
    cdnUrl: playgroundAssetsPath,
    version: playgroundVersion,
    endpoint,
    // A path: Playground opens its WebSocket for subscriptions on this page's own host.
    subscriptionEndpoint: endpoint,
    tabs: exampleTabs.map(({ name, query }) => ({ endpoint, name, query })),
    settings: {
      "editor.theme": "dark",
      "request.credentials": "same-origin",
      // The schema is fetched once when the page opens; polling would send an introspection query every few seconds.
      "schema.polling.enable": false,
      "tracing.hideTracingResponse": true,
      "queryPlan.hideQueryPlanResponse": true,
    },
  });
  if (!googleFontsLink.test(page)) throw new Error("The Playground page no longer links Google Fonts as expected: update renderOfflinePlayground.");
  const html = page.replace(googleFontsLink, fontStylesheets.map((href) => `<link href="${href}" rel="stylesheet">`).join("\n    "));
  // A new version of the page template that loads anything else from the internet must not slip through.
  if (remoteReference.test(html)) throw new Error(`The Playground page still loads something from another host: ${remoteReference.exec(html)?.[0]}`);
  return html;
}

/**
 * The landing page for `GET /graphql` from a browser: the offline Playground when enabled;
 * otherwise none at all (Apollo's own pages load from its CDN, so they are never used).
 */
export function landingPagePlugin({ enabled, endpoint }: { enabled: boolean; endpoint: string }): ApolloServerPlugin {
  if (!enabled) return ApolloServerPluginLandingPageDisabled();
  const html = renderOfflinePlayground(endpoint);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
