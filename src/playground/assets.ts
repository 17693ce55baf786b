/**
 * The Playground's scripts, style sheets, images and fonts, served by this service out of
 * npm packages, so the Playground works with no internet access.
 */
import { createRequire } from "node:module";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync } from "fastify";

const require = createRequire(import.meta.url);

/** Where the Playground's files are mounted; the landing page's `cdnUrl`. */
export const playgroundAssetsPath = "/playground-assets";

/** The React build of GraphQL Playground that `@apollographql/graphql-playground-html` loads from a CDN by default. */
export const playgroundReactPackage = "@apollographql/graphql-playground-react";

/** The fonts the Playground's page asks Google Fonts for, with the weights it asks for. */
const fonts = [
  { family: "open-sans", weights: [300, 400, 600, 700] },
  { family: "source-code-pro", weights: [400, 700] },
];

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** The installed Playground's version: part of its asset URLs, so a new version is never served from a stale cache. */
export const playgroundVersion: string = (require(`${playgroundReactPackage}/package.json`) as { version: string }).version;

/** The style sheets declaring the Playground's fonts (each covers every script subset through unicode-range). */
export const fontStylesheets: string[] = fonts.flatMap(({ family, weights }) =>
  weights.map((weight) => `${playgroundAssetsPath}/fonts/${family}/${weight}.css`),
);

/** Serves the Playground's build and its fonts under `playgroundAssetsPath`. */
export function playgroundAssets(): FastifyPluginAsync {
  return async (app) => {
    // The version is in the path, so the files can be cached for good.
    await app.register(fastifyStatic, {
      root: path.join(packageDir(playgroundReactPackage), "build"),
      prefix: `${playgroundAssetsPath}/${playgroundReactPackage}@${playgroundVersion}/build/`,
      immutable: true,
      maxAge: "1y",
      index: false,
    });
    for (const { family } of fonts) {
      await app.register(fastifyStatic, {
        root: packageDir(`@fontsource/${family}`),
        prefix: `${playgroundAssetsPath}/fonts/${family}/`,
        maxAge: "1d",
        index: false,
        // The first registration gave replies sendFile already.
        decorateReply: false,
      });
    }
  };
}
