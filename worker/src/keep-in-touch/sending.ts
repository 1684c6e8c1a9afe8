/**
 * The rules every keep-in-touch mail keeps: sent only between 7:00 and 20:00 in Berlin, at most a few
 * a week per person across purposes (MAIL_WEEKLY_CAP), at the provider's rate (MAIL_RATE_PER_MINUTE).
 */
import { berlinClock } from "../../../shared/berlin-clock.ts";

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const SENDING_FROM = 7;
export const SENDING_UNTIL = 20;

/** Whether a Berlin clock shows 7:00–19:59 at `now`. */
export function inSendingHours(now: Date): boolean {
  const { hour } = berlinClock(now);
  return hour >= SENDING_FROM && hour < SENDING_UNTIL;
}

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Keep-in-touch mails a person gets in any seven days at most (digest, invitations, newsletter). */
export const weeklyCap = (env: Env) => positive(env.MAIL_WEEKLY_CAP, 2);

/** Mails a minute the provider takes from us. */
export const ratePerMinute = (env: Env) => positive(env.MAIL_RATE_PER_MINUTE, 60);

/** Whether a person with `sent` keep-in-touch mails in the last seven days may get one more. */
export const underCap = (env: Env, sent: number | undefined) => (sent ?? 0) < weeklyCap(env);
