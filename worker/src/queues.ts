/** The queue consumers of worker/wrangler.jsonc, told apart by the queue a batch comes from. */
import { type ImportMessage, queue as importQueue } from "./import/queue.ts";
import { type MailMessage, mailQueue } from "./keep-in-touch/queue.ts";

export const MAIL_QUEUE = "heimvorteil-mail";

export const queue: ExportedHandlerQueueHandler<Env, ImportMessage | MailMessage> = async (batch, env, ctx) => {
  if (batch.queue === MAIL_QUEUE) return mailQueue(batch as MessageBatch<MailMessage>, env);
  return importQueue(batch as MessageBatch<ImportMessage>, env, ctx);
};
