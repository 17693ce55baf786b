/**
 * Issues 20 and 23 together: a review page's subscriber hears of an article's proposals as they are
 * proposed, accepted and rejected, and a claim subscriber hears of the claims an accept wrote. Each
 * mutation answers only once its events are out, so a subscriber that listens before it gets them.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi } from "./support/api.js";
import { ACCEPT, cleanUpArticlesAfterAll, INGEST, REJECT, storeMeetingArticle } from "./support/proposals.js";
import { connect, subscribe, untilListening, type TestClient, type TestSubscription } from "./support/subscriptions.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const CURATOR = "proposal-subscriber-curator-key";
const api = useApi({ API_KEYS: [parseApiKey(`carol:write:${sha256(CURATOR)}`)] });
cleanUpArticlesAfterAll(api);

const PROPOSALS_CHANGED = `subscription($sourceId: ID) { proposalsChanged(sourceId: $sourceId) {
  sourceId change mutation actor proposalIds proposals { id status kind } source { id } } }`;
const CLAIM_ADDED = `subscription($filter: ClaimFilter) { claimAdded(filter: $filter) { claimId field mutation source { id } } }`;

// An accept runs many statements, each planned by Neo4j the first time it is seen.
const SLOW = { timeout: 180_000 };
let subscriber: TestClient;
const open: TestSubscription[] = [];

beforeAll(async () => {
  subscriber = connect(api);
  await subscriber.connected;
});
afterAll(() => {
  for (const subscription of open) subscription.dispose();
  subscriber?.client.dispose();
});

async function listening(query: string, variables: Record<string, unknown>) {
  const subscription = subscribe(subscriber.client, query, variables);
  open.push(subscription);
  await untilListening(api, open.length);
  return subscription;
}

async function nextEvent(subscription: TestSubscription, field: string) {
  const delivery = await subscription.next();
  expect(delivery.kind).toBe("next");
  if (delivery.kind !== "next") throw new Error("no event");
  expect(delivery.result.errors).toBeUndefined();
  return delivery.result.data![field];
}

async function call(query: string, variables: Record<string, unknown>) {
  const res = await api.query(query, variables, CURATOR);
  expect(res.errors).toBeUndefined();
  const payload = Object.values(res.data!)[0] as { errors: unknown[] } & Record<string, any>;
  expect(payload.errors).toEqual([]);
  return payload;
}

describe("proposalsChanged", () => {
  it("tells a subscriber of every article of the proposals ingestArticle made", SLOW, async () => {
    const everyArticle = await listening(PROPOSALS_CHANGED, {});
    const text = `Alice Testova met Steve Witkoff in Moscow on 3 June 2025. The talks lasted about three hours.`;
    const ingestArticle = await call(INGEST, { input: { text, title: "ct-article about a meeting", publishedOn: "2025-06-04" } });
    const event = await nextEvent(everyArticle, "proposalsChanged");
    expect(event).toMatchObject({
      sourceId: ingestArticle.source.id,
      change: "PROPOSED",
      mutation: "ingestArticle",
      actor: "carol",
      source: { id: ingestArticle.source.id },
    });
    expect([...event.proposalIds].sort()).toEqual(ingestArticle.proposals.map((p: { id: string }) => p.id).sort());
    expect(event.proposals.every((p: { status: string }) => p.status === "PENDING" || p.status === "ALREADY_KNOWN")).toBe(true);
    everyArticle.dispose();
    open.splice(open.indexOf(everyArticle), 1);
    await untilListening(api, open.length);
  });

  it("sends an article's accepted proposals as they are now, and the claims the accept wrote", SLOW, async () => {
    const { sourceId, proposals } = await storeMeetingArticle(api, CURATOR);
    const thisArticle = await listening(PROPOSALS_CHANGED, { sourceId });
    const claims = await listening(CLAIM_ADDED, { filter: { sourceId } });

    const accepted = [proposals.person, proposals.place, proposals.meeting, proposals.duration];
    await call(ACCEPT, { ids: accepted });
    const onAccept = await nextEvent(thisArticle, "proposalsChanged");
    expect(onAccept).toMatchObject({ sourceId, change: "ACCEPTED", mutation: "acceptProposals" });
    expect([...onAccept.proposalIds].sort()).toEqual([...accepted].sort());
    expect(onAccept.proposals.map((p: { status: string }) => p.status)).toEqual(accepted.map(() => "ACCEPTED"));

    // The new meeting's sourced date (and place) claims, and the duration.
    const added: { field: string; mutation: string; source: { id: string } }[] = [];
    while (!added.some((c) => c.field === "duration")) added.push(await nextEvent(claims, "claimAdded"));
    expect(added.map((c) => c.field)).toContain("date");
    expect(added.every((c) => c.mutation === "acceptProposals" && c.source.id === sourceId)).toBe(true);

    await call(REJECT, { ids: [proposals.quote], reason: "[test] not a quote of this meeting" });
    const onReject = await nextEvent(thisArticle, "proposalsChanged");
    expect(onReject).toMatchObject({ sourceId, change: "REJECTED", proposalIds: [proposals.quote], proposals: [{ id: proposals.quote, status: "REJECTED" }] });
  });
});
