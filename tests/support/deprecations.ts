/**
 * Cypher that uses a deprecated feature fails the suite: the next Neo4j may refuse it. The tests'
 * drivers ask for notifications (NEO4J_NOTIFICATIONS is WARNING in test), and the executor
 * publishes each one on its channel; the deprecations are kept here until a check takes them.
 */
import { notificationChannel, type StatementNotification } from "../../src/db/executor.js";

const found: StatementNotification[] = [];

const keepDeprecation = (message: unknown) => {
  const published = message as StatementNotification;
  if (published.notification.classification === "DEPRECATION") found.push(published);
};

/** Starts keeping the deprecations reported from now on; the function returned stops it. */
export function watchDeprecations(): () => void {
  notificationChannel.subscribe(keepDeprecation);
  return () => notificationChannel.unsubscribe(keepDeprecation);
}

/** The deprecations kept so far, which are then forgotten. */
export function takeDeprecations(): StatementNotification[] {
  return found.splice(0);
}

/** One line a developer can act on: which statement, what is deprecated, and where in the statement. */
export function describeDeprecation({ query, notification }: StatementNotification): string {
  const where = notification.position ? ` (line ${notification.position.line}, column ${notification.position.column})` : "";
  return `${query}: ${notification.statusDescription}${where}`;
}

export const deprecationAdvice = "Cypher statements used deprecated features (Neo4j's notifications below); rewrite them as the notification says";
