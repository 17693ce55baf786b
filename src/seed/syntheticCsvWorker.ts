/** A meeting CSV writer thread (see src/seed/syntheticCsv.ts): writes its range, reporting rows as it goes, then answers its parts. */
import { parentPort, workerData } from "node:worker_threads";
import { writeMeetingsCsv, type MeetingWriterMessage, type MeetingWriterTask } from "./syntheticCsv.js";

const { at, options, range } = workerData as MeetingWriterTask;
const send = (message: MeetingWriterMessage) => parentPort!.postMessage(message);
send({ parts: writeMeetingsCsv(at, options, range, (rows) => send({ rows })) });
