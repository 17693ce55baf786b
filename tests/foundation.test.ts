import { describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";

const api = useApi();

describe("the service answers from a real Neo4j", () => {
  it("reports the Neo4j it is connected to", async () => {
    const res = await api.query(`{ health { database neo4jVersion } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.health).toEqual({ database: true, neo4jVersion: expect.stringMatching(/^5\.\d+\.\d+ community$/) });
  });

  it("reads back through GraphQL a person written to the database", async () => {
    const id = `test-person-${Date.now()}`;
    await api.db.write("test.createPerson", `CREATE (:Person {id: $id, name: "Ada Example", aliases: ["the example"]})`, { id });

    const res = await api.query(`query ($id: ID!) { person(id: $id) { id name aliases } }`, { id });

    expect(res.status).toBe(200);
    expect(res.data?.person).toEqual({ id, name: "Ada Example", aliases: ["the example"] });
    await api.db.write("test.cleanup", `MATCH (p:Person {id: $id}) DETACH DELETE p`, { id });
  });

  it("answers null for an unknown person id", async () => {
    const res = await api.query(`{ person(id: "nobody-at-all") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.person).toBeNull();
  });

  it("enforces unique person ids with a database constraint", async () => {
    const id = `test-dup-${Date.now()}`;
    await api.db.write("test.create", `CREATE (:Person {id: $id, name: "One"})`, { id });
    await expect(api.db.write("test.create", `CREATE (:Person {id: $id, name: "Two"})`, { id })).rejects.toThrow(/already exists/);
    await api.db.write("test.cleanup", `MATCH (p:Person {id: $id}) DETACH DELETE p`, { id });
  });
});
