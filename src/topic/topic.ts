/** Topics meetings and statements are about. */
import type { Neo4jExecutor } from "../db/executor.js";
import { byIdCypher } from "../db/connections.js";
import { nodesById, readNodes } from "../db/loaders.js";

export interface TopicRecord {
  id: string;
  name: string;
  description: string | null;
}

const TOPICS_BY_ID = byIdCypher("t", "Topic", `t {.id, .name, .description}`);

const ALL_TOPICS = `
MATCH (t:Topic)
RETURN t {.id, .name, .description} AS node ORDER BY t.name, t.id`;

export function createTopicLoaders(db: Neo4jExecutor) {
  return { topicById: nodesById<TopicRecord>(db, "topics.byId", TOPICS_BY_ID) };
}

export const allTopics = (db: Neo4jExecutor) => readNodes<TopicRecord>(db, "topics.all", ALL_TOPICS);
