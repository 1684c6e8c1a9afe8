/** Mail through Cloudflare Email Service's send_email binding (the sender's domain must be onboarded). */
import { type Mailer, SENDER_NAME } from "./mailer.ts";

export function sendEmailMailer(binding: SendEmail, from: string): Mailer {
  return {
    async send(mail) {
      const { messageId } = await binding.send({
        from: { name: SENDER_NAME, email: from },
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
      return messageId || null;
    },
  };
}
