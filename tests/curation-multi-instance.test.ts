/**
 * Subscriptions across instances (issue 23), as clients see them: a curator writes through
 * instance A over HTTP, a reader subscribed over WebSocket (graphql-ws's own client) to instance
 * B gets the change within a second, because both share one Redis (REDIS_URL).
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";
import { useRedis } from "./support/redis.js";
import { connect, subscribe, untilListening, type TestClient } from "./support/subscriptions.js";

const WRITER = "multi-instance-writer-key";
const redis = useRedis();
/** Filled in once Redis has a port: useApi reads its config when its server starts, after the hook above. */
const config = { API_KEYS: [parseApiKey(`curator:write:${createHash("sha256").update(WRITER).digest("hex")}`)], REDIS_URL: "" };
beforeAll(() => {
  config.REDIS_URL = redis.url;
});
const a = useApi(config);
const b = useApi(config);
cleanUpAfterAll(a);

describe("an instance's subscriber", () => {
  const personId = testId("person");
  let subscriber: TestClient;
  beforeAll(async () => {
    const created = await a.query(
      `mutation($input: PersonInput!) { createPerson(input: $input) { errors { code } } }`,
      { input: { id: personId, name: "Before" } },
      WRITER,
    );
    expect(created.data).toEqual({ createPerson: { errors: [] } });
    subscriber = connect(b);
    await subscriber.connected;
  });
  afterAll(() => subscriber?.client.dispose());

  it("gets a change committed through the other instance within a second of the writer's answer", async () => {
    const changes = subscribe(subscriber.client, `subscription($id: ID!) { personChanged(id: $id) { personId change person { name } } }`, { id: personId });
    await untilListening(b, 1);
    const updated = await a.query(
      `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { errors { code } } }`,
      { input: { id: personId, name: "After" } },
      WRITER,
    );
    const answeredAt = performance.now();
    expect(updated.data).toEqual({ updatePerson: { errors: [] } });
    const delivery = await changes.next();
    const ms = performance.now() - answeredAt;
    console.log(`[multi-instance] a mutation on A reached a subscriber on B ${ms.toFixed(0)} ms after A answered the writer`);
    expect(delivery, JSON.stringify(delivery)).toEqual({
      kind: "next",
      result: { data: { personChanged: { personId, change: "UPDATED", person: { name: "After" } } } },
    });
    expect(ms).toBeLessThan(1_000);
    changes.dispose();
  });
});
