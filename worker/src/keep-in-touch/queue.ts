/**
 * The mail queue: the steps of a digest or invitation run and of a newsletter's queuing (thousands of
 * people each, the next step a message of its own) and the paced delivery of their mails. A step that fails is retried from where it
 * started; what it had written stays, and the outbox's one-mail-per-person-and-mailing key and the
 * people's own marks make the retry mail no one twice.
 */

import { deliverBulk } from "./deliver.ts";
import { digestStep, type StepResult } from "./digest.ts";
import { invitationStep } from "./invitations.ts";
import { newsletterStep } from "./newsletter.ts";

export type MailMessage =
  | { job: "digest" | "invitations"; at: string; origin: string; after: string }
  | { job: "newsletter"; id: number; after: string }
  | { job: "deliver" };

const STEPS = { digest: digestStep, invitations: invitationStep } as const;

/** Runs one step of a run and queues what follows it: the next step, and delivery of its mails. */
export async function runStep(
  env: Env,
  message: Extract<MailMessage, { job: "digest" | "invitations" }>,
): Promise<StepResult> {
  const result = await STEPS[message.job](env, message.origin, new Date(message.at), message.after);
  return follow(env, result, (after) => ({ ...message, after }));
}

/** After a step: the next step (where there is one) and delivery (when it mailed) on the queue. */
async function follow(env: Env, result: StepResult, next: (after: string) => MailMessage): Promise<StepResult> {
  if (result.next) await env.MAIL.send(next(result.next));
  if (result.mailed > 0) await env.MAIL.send({ job: "deliver" });
  return result;
}

/** Queues one step of a newsletter's mails and sends the next step, and their delivery, on the queue. */
export async function runNewsletterStep(env: Env, id: number, after: string): Promise<StepResult> {
  const result = await newsletterStep(env, id, new Date(), after);
  return follow(env, result, (next) => ({ job: "newsletter", id, after: next }));
}

const logStep = (job: string, result: StepResult) =>
  console.log(
    `${job} step: ${result.looked} looked at, ${result.mailed} mailed, ${result.capped} held back by the cap` +
      `${result.rows_read === undefined ? "" : `, ${result.rows_read} D1 rows read`}${result.next ? "" : ", run done"}`,
  );

export const mailQueue = async (batch: MessageBatch<MailMessage>, env: Env) => {
  for (const message of batch.messages) {
    const body = message.body;
    try {
      if (body.job === "deliver") {
        const delivery = await deliverBulk(env);
        if (delivery.nextInSeconds !== undefined)
          await env.MAIL.send({ job: "deliver" }, { delaySeconds: delivery.nextInSeconds });
      } else if (body.job === "newsletter") {
        logStep(`newsletter ${body.id}`, await runNewsletterStep(env, body.id, body.after));
      } else {
        logStep(body.job, await runStep(env, body));
      }
      message.ack();
    } catch (error) {
      console.error(`mail queue ${body.job} failed`, error instanceof Error ? error.message : String(error));
      message.retry({ delaySeconds: 60 });
    }
  }
};

/** The hourly trigger: within sending hours, a digest run and an invitation round start. */
export async function startRuns(env: Env, origin: string, now: Date) {
  const at = now.toISOString();
  await env.MAIL.sendBatch([
    { body: { job: "digest", at, origin, after: "" } },
    { body: { job: "invitations", at, origin, after: "" } },
  ]);
}
