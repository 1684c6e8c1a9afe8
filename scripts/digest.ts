// `npm run digest`: on the running dev server (`npm start`), starts a job digest run and a meet-up
// invitation round now, through the admin API, as the hourly trigger does; prints what each did. The
// mails land in the dev outbox (/dev/outbox); delivery goes on the mail queue within sending hours.
import type { z } from "zod";
import type { keepInTouchRunSchema } from "../shared/schemas/mail-events.ts";
import { devSession } from "./dev-session.ts";

const origin = process.env.ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;

try {
  const res = await fetch(`${origin}/v1/admin/keep-in-touch/run`, {
    method: "POST",
    headers: { ...(await devSession(origin)), "Content-Type": "application/json" },
  });
  if (!res.ok) throw new Error(`the server answered ${res.status}: ${await res.text()}`);
  const run = (await res.json()) as z.infer<typeof keepInTouchRunSchema>;
  console.table({
    "job digest": { "looked at": run.digest.looked, mailed: run.digest.mailed, "held back (cap)": run.digest.capped },
    invitations: {
      "looked at": run.invitations.looked,
      mailed: run.invitations.mailed,
      "held back (cap)": run.invitations.capped,
    },
  });
  console.log(`The mails are in the dev outbox: ${origin}/dev/outbox`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(`Is the dev server running (npm start) on ${origin}?`);
  process.exit(1);
}
