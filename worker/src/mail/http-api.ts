/**
 * Mail through an HTTP API that takes `{from, to, subject, text}` as JSON with a bearer token: Cloudflare
 * Email Service's REST endpoint (…/accounts/ID/email/sending/send) is the one this is written against.
 */
import { MailConfigError, type Mailer, SENDER_NAME } from "./mailer.ts";

export function httpApiMailer(url: string, token: string, from: string): Mailer {
  if (!url.startsWith("https://")) throw new MailConfigError("MAIL_API_URL must be an https:// URL");
  if (!token) throw new MailConfigError("MAIL_API_TOKEN is not set");
  return {
    async send(mail) {
      const response = await fetch(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          from: { address: from, name: SENDER_NAME },
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.headers ? { headers: mail.headers } : {}),
        }),
        signal: AbortSignal.timeout(10_000),
      });
      const answer = (await response.json().catch(() => ({}))) as {
        success?: boolean;
        id?: unknown;
        result?: { id?: unknown; messageId?: unknown; message_id?: unknown };
      };
      // Cloudflare's API can answer 200 with success: false.
      if (!response.ok || answer.success === false) throw new Error(`mail API answered ${response.status}`);
      const id = answer.result?.messageId ?? answer.result?.message_id ?? answer.result?.id ?? answer.id;
      return typeof id === "string" ? id : null;
    },
  };
}
