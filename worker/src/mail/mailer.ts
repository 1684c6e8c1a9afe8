/**
 * One small interface for sending mail. Which sender is configuration (MAIL_TRANSPORT in
 * worker/wrangler.jsonc): Cloudflare's send_email binding, an HTTP mail API, or, in development only, none
 * at all: the mail stays in the outbox, shown at /dev/outbox.
 */
import { httpApiMailer } from "./http-api.ts";
import { sendEmailMailer } from "./send-email.ts";

export interface Mail {
  to: string;
  subject: string;
  /** Plain text: every mail has it, and it is all our mails need. */
  text: string;
  /** Headers beyond From/To/Subject: List-Unsubscribe and List-Unsubscribe-Post on keep-in-touch mails. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Sends `mail`; resolves to the sender's id for it (or null), rejects when it was not accepted. */
  send(mail: Mail): Promise<string | null>;
}

/** The display name our mails come from; the address is MAIL_FROM. */
export const SENDER_NAME = "Heimvorteil Hochsauerland";

export class MailConfigError extends Error {
  override name = "MailConfigError";
}

/** The sender MAIL_TRANSPORT names, or a MailConfigError saying what is missing. */
export function mailerFor(env: Env): Mailer {
  const transport = env.MAIL_TRANSPORT;
  switch (transport) {
    case "outbox":
      // Only development may keep mails unsent: in production they would be marked sent and deleted.
      if (env.DEV !== "true") throw new MailConfigError('MAIL_TRANSPORT "outbox" is for development (DEV) only');
      return { send: async () => null };
    case "send_email":
      if (!env.EMAIL) throw new MailConfigError("MAIL_TRANSPORT send_email needs the send_email binding EMAIL");
      return sendEmailMailer(env.EMAIL, fromAddress(env));
    case "http":
      return httpApiMailer(env.MAIL_API_URL ?? "", env.MAIL_API_TOKEN ?? "", fromAddress(env));
    default:
      throw new MailConfigError(`unknown MAIL_TRANSPORT "${transport}"`);
  }
}

function fromAddress(env: Env): string {
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(env.MAIL_FROM ?? "")) throw new MailConfigError("MAIL_FROM is not an address");
  return env.MAIL_FROM;
}
