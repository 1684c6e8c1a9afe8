/**
 * What the mail provider reports to `POST /v1/mail/events` (its webhook, or a relay of its delivery
 * reports): bounces and complaints. A hard bounce or a complaint stops all mail to the address.
 */
import { z } from "zod";

export const mailEventSchema = z.object({
  type: z.enum(["bounce", "complaint"]).describe("A message to the address bounced, or its reader marked it as spam."),
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  bounce_type: z
    .enum(["hard", "soft"])
    .optional()
    .describe("For bounces: hard (the address does not exist) stops mail; soft (a full mailbox) does not."),
  message_id: z.string().max(200).optional().describe("The provider's id of the message, when it names one."),
});

export const mailEventsSchema = z
  .object({ events: z.array(mailEventSchema).min(1).max(100) })
  .meta({ id: "MailEvents" });

export type MailEvent = z.infer<typeof mailEventSchema>;

export const mailEventsAnswerSchema = z
  .object({
    stopped: z.int().describe("Reports that stopped mail to their address (hard bounces, complaints)."),
    ignored: z.int().describe("Reports that change nothing (soft bounces)."),
  })
  .meta({ id: "MailEventsAnswer" });

const stepSchema = z.object({
  looked: z.int().describe("People looked at in this first step."),
  mailed: z.int().describe("Mails queued."),
  capped: z.int().describe("Held back by the weekly cap per person; their turn comes on a later run."),
  next: z.string().optional().describe("Present when more people follow in further steps on the mail queue."),
});

export const keepInTouchRunSchema = z
  .object({ digest: stepSchema, invitations: stepSchema })
  .meta({ id: "KeepInTouchRun" });
