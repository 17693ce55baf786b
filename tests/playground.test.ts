/**
 * The Playground as HTTP sees it: served from the service alone, its example tabs valid and
 * answered from the seed graph, off by default in production; and the CORS allow-list.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { exampleTabs } from "../src/playground/tabs.js";
import { useApi, type TestApi } from "./support/api.js";

const html = { accept: "text/html,application/xhtml+xml" };

async function landingPage(api: TestApi) {
  const response = await fetch(api.url, { headers: html });
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
}

/** The src and href values of a page or style sheet, and the url(...) references of a style sheet. */
function references(text: string): string[] {
  return [...text.matchAll(/\b(?:src|href)="([^"]+)"|url\(\s*['"]?([^'")]+)['"]?\s*\)/g)]
    .map((match) => (match[1] ?? match[2]) as string)
    .filter((ref) => !ref.startsWith("data:") && !ref.startsWith("#"));
}

describe("the Playground (on by default outside production)", () => {
  const api = useApi();

  it("is the page a browser gets at /graphql, and every script, style sheet and font it loads comes from the service", async () => {
    const page = await landingPage(api);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain("GraphQLPlayground.init");
    expect(page.body).not.toMatch(/googleapis|jsdelivr|unpkg|apollographql\.com/);

    const pageRefs = references(page.body);
    expect(pageRefs.some((ref) => ref.endsWith("/build/static/js/middleware.js"))).toBe(true);
    expect(pageRefs.some((ref) => ref.includes("/fonts/open-sans/"))).toBe(true);
    const origin = new URL(api.url).origin;
    let fontFiles = 0;
    for (const ref of pageRefs) {
      expect(ref, "an absolute path on this service").toMatch(/^\/[^/]/);
      const asset = await fetch(origin + ref);
      expect(asset.status, ref).toBe(200);
      if (!ref.endsWith(".css")) continue;
      // Style sheets load fonts and images in turn: those must be local too.
      for (const inner of references(await asset.text())) {
        expect(inner, `${inner} in ${ref}`).not.toMatch(/^([a-z]+:)?\/\//i);
        const file = await fetch(new URL(inner, origin + ref));
        expect(file.status, `${inner} in ${ref}`).toBe(200);
        if (/\.woff2?$/.test(inner)) fontFiles += 1;
      }
    }
    expect(fontFiles).toBeGreaterThan(0);
  });

  it("opens with example tabs that each run against the seed graph", async () => {
    expect(exampleTabs.map((tab) => tab.name)).toEqual(["who met whom", "where and how long", "who said what"]);
    const answers = [];
    for (const tab of exampleTabs) {
      // Twice: the second run is compiled (graphql-jit), which refuses an omitted required variable even with a default.
      const [first, second] = [await api.query(tab.query), await api.query(tab.query)];
      expect([first.errors, second.errors], tab.name).toEqual([undefined, undefined]);
      answers.push(first.data as Record<string, any>);
    }
    const [whoMetWhom, whereAndHowLong, whoSaidWhat] = answers;
    expect(whoMetWhom?.person.counterparts[0]).toMatchObject({ person: { name: "Vladimir Putin" }, meetingCount: 6, time: { minutes: 1118, unknownCount: 1 } });
    const longest = whereAndHowLong?.meetings.edges[0].node;
    expect(longest).toMatchObject({ heldOn: "2025-12-02", place: { name: "Moscow Kremlin" }, duration: { minutes: 300, approximate: false } });
    expect(longest.claims).toHaveLength(3);
    const speakers = whoSaidWhat?.statements.edges.map((edge: any) => edge.node.speaker.name);
    expect(speakers).toContain("Yuri Ushakov");
  });
});

describe("in production", () => {
  const api = useApi({ NODE_ENV: "production" });

  it("serves no landing page at all by default: neither Playground nor Apollo's CDN-hosted pages", async () => {
    const page = await landingPage(api);
    expect(page.type).not.toMatch(/text\/html/);
    expect(page.body).not.toMatch(/<script|cdn\./i);
    const assets = await fetch(new URL("/playground-assets/fonts/open-sans/400.css", api.url));
    expect(assets.status).toBe(404);
  });
});

describe("in production with PLAYGROUND=true", () => {
  const api = useApi({ NODE_ENV: "production", PLAYGROUND: true });

  it("serves the Playground", async () => {
    expect((await landingPage(api)).body).toContain("GraphQLPlayground.init");
  });
});

describe("settings", () => {
  it("turn the Playground on outside production and off in it, unless PLAYGROUND says otherwise", () => {
    expect(loadConfig({}).PLAYGROUND).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).PLAYGROUND).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", PLAYGROUND: "true" }).PLAYGROUND).toBe(true);
    expect(loadConfig({ PLAYGROUND: "false" }).PLAYGROUND).toBe(false);
    expect(() => loadConfig({ PLAYGROUND: "yes please" })).toThrow(/PLAYGROUND/);
  });

  it("admit the Vite dev server by default, take a comma-separated list, and reject what is not an origin", () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual(["http://localhost:5173", "http://127.0.0.1:5173"]);
    expect(loadConfig({ CORS_ORIGINS: " https://a.example, http://b.example:8080 " }).CORS_ORIGINS).toEqual(["https://a.example", "http://b.example:8080"]);
    expect(loadConfig({ CORS_ORIGINS: "none" }).CORS_ORIGINS).toEqual([]);
    expect(() => loadConfig({ CORS_ORIGINS: "http://localhost:5173/app" })).toThrow(/CORS_ORIGINS/);
  });
});

describe("CORS", () => {
  const api = useApi({ CORS_ORIGINS: ["http://localhost:5173"] });
  const preflight = (origin: string) =>
    fetch(api.url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });

  it("lets an allowed origin's page call the API", async () => {
    const check = await preflight("http://localhost:5173");
    expect(check.status).toBe(204);
    expect(check.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(check.headers.get("access-control-allow-methods")).toContain("POST");
    expect(check.headers.get("access-control-allow-headers")).toBe("content-type");

    const response = await fetch(api.url, {
      method: "POST",
      headers: { origin: "http://localhost:5173", "content-type": "application/json" },
      body: JSON.stringify({ query: '{ person(id: "steve-witkoff") { name } }' }),
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("vary")).toMatch(/Origin/);
    expect(await response.json()).toMatchObject({ data: { person: { name: "Steve Witkoff" } } });
  });

  it("gives any other origin no CORS headers, so the browser keeps the answer from its page", async () => {
    const check = await preflight("http://elsewhere.example");
    expect(check.status).toBe(204);
    expect(check.headers.get("access-control-allow-origin")).toBeNull();
    const response = await fetch(api.url, {
      method: "POST",
      headers: { origin: "http://elsewhere.example", "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
