/**
 * The review page in a real browser (issue 20): a curator opens an ingested article, sees each
 * proposal's words highlighted in its text, signs in for the tab, accepts a meeting with what
 * belongs to it, rejects a proposal with a reason, corrects a meeting's date and place and a
 * person's identity before accepting; the page follows each decision without reloading, and the
 * accepted meeting then shows the article among its sources on the app's meeting page.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { projectRoot } from "../src/config.js";
import { ensureWebBuild } from "../src/webapp/build.js";
import { useApi } from "./support/api.js";
import { artifactsDir, useBrowser } from "./support/browser.js";
import { testId } from "./support/curation.js";
import { cleanUpArticlesAfterAll, ERRORS } from "./support/proposals.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const CURATOR = "review-curator-secret-key";
const READER = "review-reader-secret-key";
const api = useApi({ API_KEYS: [parseApiKey(`rosa:write:${sha256(CURATOR)}`), parseApiKey(`rita:read:${sha256(READER)}`)] });
cleanUpArticlesAfterAll(api);
const browser = useBrowser();
const appUrl = () => new URL("/", api.url).href;
/** The page follows the API's answers; on a busy machine they take a while. */
const patiently = { timeout: 30_000 };

/** The seed article about the five-hour Kremlin talks of 2 December 2025 (../shared/seeds). */
const KREMLIN_ARTICLE = fs.readFileSync(path.resolve(projectRoot, "..", "shared", "seeds", "004_17a7cb94f604f8c9.txt"), "utf8");
const KREMLIN_MEETING = "2025-12-02-putin-witkoff-kushner-kremlin";
/** A short report of our own whose "K. Dmitriev" the extraction cannot tie to anyone in the graph. */
const MIAMI_ARTICLE = `MIAMI – Russian envoy K. Dmitriev met U.S. special envoy Steve Witkoff in Miami on 24 October 2025. The talks lasted about three hours, officials said.`;

/** A report of our own that the Kremlin talks of 2 December were much shorter than the graph's sources say. */
const SHORT_TALKS_ARTICLE = `Russian President Vladimir Putin met U.S. special envoy Steve Witkoff and Jared Kushner at the Kremlin on 2 December 2025 for a two-hour meeting, a Kremlin official said.`;

interface Proposal {
  id: string;
  kind: string;
  status: string;
  summary: string;
  excerpt: string;
  meeting: { id: string } | null;
  known: { id: string } | null;
  contradicts: { id: string; how: string } | null;
  person: { existingId: string | null; name: string } | null;
  place: { existingId: string | null; name: string } | null;
  proposedMeeting: { date: string; existingId: string | null; place: { id: string } | null } | null;
}

const PROPOSAL = `id kind status summary excerpt meeting { id } known { id } contradicts { id how } person { existingId name } place { existingId name }
  proposedMeeting { date existingId place { id } }`;
const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { proposals { ${PROPOSAL} } ${ERRORS} } }`;
const STATUSES = `query($sourceId: ID!) { proposals(filter: { sourceId: $sourceId }, first: 100) { edges { node { id status decidedBy rejectionReason edits became } } } }`;

/** Stores `text` as a new test article and ingests it; returns the source's id and its proposals. */
async function ingest(text: string, title: string): Promise<{ sourceId: string; proposals: Proposal[] }> {
  const sourceId = testId("article");
  const created = await api.query(
    `mutation($input: SourceInput!) { createSource(input: $input) { ${ERRORS} } }`,
    { input: { id: sourceId, title, kind: "article", publisher: "Test Wire", publishedOn: "2025-12-03" } },
    CURATOR,
  );
  expect(created.data?.createSource.errors).toEqual([]);
  const res = await api.query(INGEST, { input: { sourceId, text, publisher: "Test Wire", publishedOn: "2025-12-03" } }, CURATOR);
  expect(res.errors).toBeUndefined();
  expect(res.data!.ingestArticle.errors).toEqual([]);
  return { sourceId, proposals: res.data!.ingestArticle.proposals };
}

async function statuses(
  sourceId: string,
): Promise<Map<string, { status: string; decidedBy: string | null; rejectionReason: string | null; edits: string | null; became: string | null }>> {
  const res = await api.query(STATUSES, { sourceId });
  expect(res.errors).toBeUndefined();
  return new Map(res.data!.proposals.edges.map(({ node }: { node: { id: string } }) => [node.id, node]));
}

const card = (page: Page, id: string) => page.locator(`li.proposal[data-proposal-id="${id}"]`);

async function openReview(sourceId: string, count: number, { live = true } = {}): Promise<Page> {
  const page = await browser.newPage();
  // Without live updates (the page's WebSocket answered by nobody), as when another curator's event has not arrived yet.
  if (!live) await page.routeWebSocket(/\/graphql$/, () => {});
  await page.goto(`${appUrl()}#/review/${sourceId}`);
  await expect.poll(() => page.locator("li.proposal").count(), patiently).toBe(count);
  return page;
}

async function signIn(page: Page, token: string) {
  const form = page.getByRole("form", { name: "Sign-in" });
  await form.getByLabel("API key or JWT").fill(token);
  await form.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** What a reviewer sees, not the whole page: its proposals run many screens long. */
async function screenshotView(page: Page, name: string) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });
}

/** The refusal shown beside `where`, as "message (code CODE…)". */
const refusal = (where: Locator) => where.locator(".refusals li").first().innerText();

let kremlin: { sourceId: string; proposals: Proposal[] };

beforeAll(async () => {
  ensureWebBuild();
  kremlin = await ingest(KREMLIN_ARTICLE, "[test] Five-Hour Kremlin Summit Yields No Breakthrough");
});

describe("the review pages", { timeout: 180_000 }, () => {
  it("list the ingested articles with their proposals counted by status", async () => {
    const page = await browser.newPage();
    await page.goto(`${appUrl()}#/review`);
    const row = page.locator(`table.ingested tr[data-source-id="${kremlin.sourceId}"]`);
    await row.waitFor();
    const cells = await row.locator("td").allInnerTexts();
    expect(cells[0]).toContain("[test] Five-Hour Kremlin Summit");
    expect(cells[0]).toContain("Test Wire · 3 December 2025");
    const pending = kremlin.proposals.filter((proposal) => proposal.status === "PENDING").length;
    expect(pending).toBeGreaterThan(0);
    expect(cells.slice(1).map(Number)).toEqual([pending, 0, 0, kremlin.proposals.length - pending]);
    await browser.screenshot(page, "review-list");
    await row.getByRole("link").click();
    await expect.poll(() => page.locator("li.proposal").count(), patiently).toBe(kremlin.proposals.length);
    expect(page.url()).toMatch(new RegExp(`#/review/${kremlin.sourceId}$`));
  });

  it("show the article's text with every proposal's excerpt highlighted, grouped by meeting, people and places apart", async () => {
    const page = await openReview(kremlin.sourceId, kremlin.proposals.length);
    expect(await page.locator(".article-text").textContent()).toBe(KREMLIN_ARTICLE);
    // Each proposal's highlighted pieces, read in order, are its excerpt.
    const highlighted = await page
      .locator("mark.span")
      .evaluateAll((marks) =>
        marks.flatMap((mark) => (mark.getAttribute("data-proposal-ids") ?? "").split(" ").map((id: string) => [id, mark.textContent ?? ""] as const)),
      );
    const excerpts = new Map<string, string>();
    for (const [id, text] of highlighted) excerpts.set(id, (excerpts.get(id) ?? "") + text);
    expect(Object.fromEntries(excerpts)).toEqual(Object.fromEntries(kremlin.proposals.map((proposal) => [proposal.id, proposal.excerpt])));

    // A meeting's group holds its own proposal first and what belongs to it; people are apart.
    const meeting = kremlin.proposals.find(
      (proposal) => proposal.kind === "MEETING" && proposal.proposedMeeting?.place?.id === "kremlin" && proposal.proposedMeeting.date === "2025-12-02",
    )!;
    const group = page.locator(`section.proposal-group[data-meeting-proposal-id="${meeting.id}"]`);
    const members = kremlin.proposals.filter((proposal) => proposal.meeting?.id === meeting.id && proposal.kind !== "PERSON" && proposal.kind !== "PLACE");
    expect(await group.locator("li.proposal").evaluateAll((items) => items.map((item) => item.getAttribute("data-proposal-id")))).toEqual([
      meeting.id,
      ...members.map((member) => member.id),
    ]);
    const people = await page.locator("section.proposal-group.people li.proposal").evaluateAll((items) => items.map((item) => item.getAttribute("data-kind")));
    expect(new Set(people)).toEqual(new Set(["PERSON"]));

    // Confidence, reason and the graph's existing fact beside the proposal.
    const meetingCard = await card(page, meeting.id).innerText();
    expect(meetingCard).toMatch(/Confidence \d+ %: \S/);
    expect(meetingCard).toContain(`Known fact, accepting adds this article as a new source: ${KREMLIN_MEETING}`);

    // Choosing a proposal outlines its words in the text.
    await card(page, meeting.id).locator("button.summary").click();
    const selected = await page.locator("mark.span.selected").allTextContents();
    expect(selected.join("")).toBe(meeting.excerpt);
    await screenshotView(page, "review-article");

    // Choosing words in the text selects the innermost proposal they belong to.
    const kushner = kremlin.proposals.find((proposal) => proposal.kind === "PERSON" && proposal.person?.existingId === "jared-kushner")!;
    await page.locator(`mark.span[data-proposal-ids^="${kushner.id}"]`).first().click();
    expect(await page.locator("li.proposal.selected").evaluateAll((items) => items.map((item) => item.getAttribute("data-proposal-id")))).toEqual([kushner.id]);
  });

  it("show where a proposal contradicts the graph", async () => {
    const short = await ingest(SHORT_TALKS_ARTICLE, "[test] Short Kremlin talks");
    const duration = short.proposals.find((proposal) => proposal.kind === "DURATION")!;
    expect(duration.contradicts?.id).toMatch(new RegExp(`^${KREMLIN_MEETING}#duration-`));
    const page = await openReview(short.sourceId, short.proposals.length);
    expect(await card(page, duration.id).locator(".existing-facts .contradicts").innerText()).toBe(
      `Contradicts ${duration.contradicts!.id}: ${duration.contradicts!.how}`,
    );
  });

  it("refuse decisions without write permission, saying why in words with the code, and keep the key for the tab only", async () => {
    const page = await openReview(kremlin.sourceId, kremlin.proposals.length);
    const person = kremlin.proposals.find((proposal) => proposal.kind === "PERSON" && proposal.status === "PENDING")!;
    const accept = () =>
      card(page, person.id)
        .getByRole("button", { name: /^Accept/ })
        .click();

    await accept();
    expect(await refusal(card(page, person.id))).toMatch(
      /needs a bearer token .*no bearer token was sent.*\(code UNAUTHENTICATED: sign in with a valid API key or JWT\)/,
    );

    await signIn(page, "not-a-key-of-this-server");
    await accept();
    expect(await refusal(card(page, person.id))).toMatch(/not a valid API key or JWT.*\(code UNAUTHENTICATED/);
    await page.getByRole("button", { name: "Sign out" }).click();

    await signIn(page, READER);
    await accept();
    expect(await refusal(card(page, person.id))).toMatch(
      /needs write permission; "rita" does not have it.*\(code FORBIDDEN: this key or token may read but not write/,
    );
    expect(await page.evaluate("({ session: sessionStorage.length, local: localStorage.length })")).toEqual({ session: 1, local: 0 });
    await page.getByRole("button", { name: "Sign out" }).click();
    expect(await page.evaluate("sessionStorage.length")).toBe(0);

    expect((await statuses(kremlin.sourceId)).get(person.id)?.status).toBe("PENDING");
    expect(await card(page, person.id).getAttribute("data-status")).toBe("PENDING");
  });

  it("show the API's refusal in the payload, when another curator decided first", async () => {
    const page = await openReview(kremlin.sourceId, kremlin.proposals.length, { live: false });
    await signIn(page, CURATOR);
    const role = kremlin.proposals.find((proposal) => proposal.kind === "ROLE" && proposal.status === "PENDING")!;
    const rejected = await api.query(
      `mutation($ids: [ID!]!) { rejectProposals(ids: $ids, reason: "decided in another tab") { ${ERRORS} } }`,
      { ids: [role.id] },
      CURATOR,
    );
    expect(rejected.data?.rejectProposals.errors).toEqual([]);
    await card(page, role.id)
      .getByRole("button", { name: /^Accept/ })
      .click();
    expect(await refusal(card(page, role.id))).toMatch(
      /it was rejected by rosa \(decided in another tab\), so it cannot be accepted.*\(code PROPOSAL_REJECTED\)$/,
    );
  });

  it("accept a meeting group, reject with a reason and accept a corrected date and place, updating in place from the API's answers", async () => {
    const page = await openReview(kremlin.sourceId, kremlin.proposals.length);
    await signIn(page, CURATOR);
    // A full reload would lose this.
    await page.evaluate("window.stillTheSamePage = true");

    // The Kremlin talks with their participations, duration, claims and statements, in one call.
    const meeting = kremlin.proposals.find(
      (proposal) => proposal.kind === "MEETING" && proposal.proposedMeeting?.place?.id === "kremlin" && proposal.proposedMeeting.date === "2025-12-02",
    )!;
    const group = page.locator(`section.proposal-group[data-meeting-proposal-id="${meeting.id}"]`);
    const groupIds = await group.locator("li.proposal").evaluateAll((items) => items.map((item) => item.getAttribute("data-proposal-id") as string));
    await group.getByRole("button", { name: /^Accept all \d+ pending/ }).click();
    await expect.poll(() => group.locator('li.proposal[data-status="PENDING"]').count(), patiently).toBe(0);
    const afterAccept = await statuses(kremlin.sourceId);
    for (const id of groupIds) {
      expect(["ACCEPTED", "ALREADY_KNOWN"]).toContain(afterAccept.get(id)?.status);
      expect(await card(page, id).getAttribute("data-status")).toBe(afterAccept.get(id)?.status);
    }
    expect(afterAccept.get(meeting.id)).toMatchObject({ status: "ACCEPTED", decidedBy: "rosa", became: KREMLIN_MEETING });
    expect(await card(page, meeting.id).locator(".decision").innerText()).toMatch(new RegExp(`^accepted by rosa on .* · became ${KREMLIN_MEETING}`));
    await group.scrollIntoViewIfNeeded();
    await screenshotView(page, "review-after-accept");

    // A place that is no place of a meeting, rejected with a reason.
    const europe = kremlin.proposals.find((proposal) => proposal.kind === "PLACE" && proposal.place?.name === "Europe" && proposal.status === "PENDING")!;
    await card(page, europe.id).getByRole("button", { name: "Reject…" }).click();
    await card(page, europe.id).getByLabel("Why reject it?").fill("Europe is a continent, not where anyone met");
    await card(page, europe.id).getByRole("button", { name: "Reject", exact: true }).click();
    await expect.poll(() => card(page, europe.id).getAttribute("data-status"), patiently).toBe("REJECTED");
    expect(await card(page, europe.id).locator(".decision").innerText()).toMatch(/^rejected by rosa on .*: “Europe is a continent, not where anyone met”$/);
    expect((await statuses(kremlin.sourceId)).get(europe.id)).toMatchObject({
      status: "REJECTED",
      decidedBy: "rosa",
      rejectionReason: "Europe is a continent, not where anyone met",
    });

    // The March meeting, dated by the article only to the month and placed nowhere: corrected, then accepted.
    const march = kremlin.proposals.find((proposal) => proposal.kind === "MEETING" && proposal.proposedMeeting?.date === "2025-03")!;
    await card(page, march.id).getByRole("button", { name: "Edit…" }).click();
    const editor = card(page, march.id).getByRole("form");
    expect(await editor.innerText()).toContain(`The excerpt stays the article's own words: “${march.excerpt}”`);
    await editor.getByLabel(/^Date/).fill("2025-03-13");
    await editor.getByLabel("Place", { exact: true }).fill("Kremlin");
    await editor.getByRole("option", { name: /^Moscow Kremlin/ }).click();
    await editor.getByLabel(/^Why/).fill("Dawat Media Center dates it to 13 March at the Kremlin");
    await editor.getByRole("button", { name: "Accept with corrections" }).click();
    await expect.poll(() => card(page, march.id).getAttribute("data-status"), patiently).toBe("ACCEPTED");
    const marchDecision = (await statuses(kremlin.sourceId)).get(march.id)!;
    expect(JSON.parse(marchDecision.edits!)).toMatchObject({
      date: "2025-03-13",
      placeId: "kremlin",
      note: "Dawat Media Center dates it to 13 March at the Kremlin",
    });

    expect(await page.evaluate("window.stillTheSamePage")).toBe(true);
  });

  it("resolve a new person to one the graph holds before accepting", async () => {
    const miami = await ingest(MIAMI_ARTICLE, "[test] Dmitriev and Witkoff in Miami");
    const newPerson = miami.proposals.find(
      (proposal) => proposal.kind === "PERSON" && proposal.person?.name === "K. Dmitriev" && proposal.person.existingId === null,
    )!;
    expect(newPerson).toBeDefined();
    const page = await openReview(miami.sourceId, miami.proposals.length);
    await signIn(page, CURATOR);
    await card(page, newPerson.id).getByRole("button", { name: "Edit…" }).click();
    const editor = card(page, newPerson.id).getByRole("form");
    await editor.getByLabel("The existing person it is", { exact: true }).fill("Dmitriev");
    await editor.getByRole("option", { name: /^Kirill Dmitriev/ }).click();
    expect(await editor.locator(".picked").innerText()).toContain("Kirill Dmitriev (kirill-dmitriev)");
    await editor.getByRole("button", { name: "Accept with corrections" }).click();
    await expect.poll(() => card(page, newPerson.id).getAttribute("data-status"), patiently).toBe("ACCEPTED");
    expect((await statuses(miami.sourceId)).get(newPerson.id)).toMatchObject({ status: "ACCEPTED", became: "kirill-dmitriev" });
    expect(await card(page, newPerson.id).locator(".decision").innerText()).toContain("became kirill-dmitriev");
  });

  it("show the accepted meeting on the app's meeting page with the article among its sources", async () => {
    const page = await browser.newPage();
    await page.goto(`${appUrl()}#/meeting/${KREMLIN_MEETING}`);
    const column = page.locator(`table.claims th[data-source-id="${kremlin.sourceId}"]`);
    await column.waitFor();
    expect(await column.innerText()).toContain("Test Wire");
  });

  it("ingest a pasted article and open its review page", async () => {
    const page = await browser.newPage();
    await page.goto(`${appUrl()}#/review`);
    const form = page.getByRole("form", { name: "Ingest an article" });
    const title = `${testId("pasted")} Dmitriev and Witkoff in Miami`;
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Publisher").fill("Test Wire");
    await form.getByLabel("Published on").fill("2025-10-25");
    await form.getByLabel("The article's text").fill(MIAMI_ARTICLE);
    await form.getByRole("button", { name: "Ingest and review" }).click();
    expect(await refusal(form)).toMatch(/needs a bearer token.*\(code UNAUTHENTICATED/);

    await signIn(page, CURATOR);
    await form.getByRole("button", { name: "Ingest and review" }).click();
    await page.waitForURL(/#\/review\/ct-pasted-/);
    await page.getByRole("heading", { name: title, level: 1 }).waitFor();
    await expect.poll(() => page.locator("li.proposal").count(), patiently).toBeGreaterThan(0);
    expect(await page.locator(".article-text").textContent()).toBe(MIAMI_ARTICLE);
  });

  it("fit a phone's width without scrolling sideways", async () => {
    const page = await openReview(kremlin.sourceId, kremlin.proposals.length);
    await page.setViewportSize({ width: 390, height: 844 });
    const widths = await page.evaluate("({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })");
    const { scroll, client } = widths as { scroll: number; client: number };
    expect(client).toBeLessThanOrEqual(390);
    expect(scroll).toBeLessThanOrEqual(client);
    await screenshotView(page, "review-article-phone");
  });
});
