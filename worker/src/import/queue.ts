/**
 * The import queue: the cron trigger sends one message per due source (scheduled.ts), and this consumer
 * runs one source per message. A source's own failures are recorded as its health and acknowledged; an
 * unexpected error (D1 unavailable) is retried, and after the retries the message goes to the dead-letter
 * queue (worker/wrangler.jsonc).
 */
import { dueSources } from "../db/sources.ts";
import { importDetails, importSource } from "./run.ts";

export interface ImportMessage {
  source: string;
  /** A further step of a run: the descriptions of the source's jobs from this job id on. */
  after?: number;
}

export const queue: ExportedHandlerQueueHandler<Env, ImportMessage> = async (batch, env) => {
  for (const message of batch.messages) {
    const { source, after } = message.body;
    // The next step is a message of its own: each stays within one invocation's limits.
    const next = async (from: number) => {
      await env.IMPORTS.send({ source, after: from });
    };
    try {
      if (after === undefined) await importSource(env, source, new Date(), next);
      else await importDetails(env, source, after, new Date(), next);
      message.ack();
    } catch (error) {
      console.error("import failed", message.body.source, error instanceof Error ? error.message : String(error));
      message.retry({ delaySeconds: 60 });
    }
  }
};

/** Sends a message for every source due at `now`. */
export async function enqueueDue(env: Env, now: Date): Promise<number> {
  const ids = await dueSources(env.DB, now.toISOString());
  // sendBatch takes at most 100 messages.
  for (let i = 0; i < ids.length; i += 100)
    await env.IMPORTS.sendBatch(ids.slice(i, i + 100).map((source) => ({ body: { source } })));
  return ids.length;
}
