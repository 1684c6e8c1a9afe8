/**
 * How many contact requests an employer may send: ten in any seven days; three once most of its recent
 * requests (at least five decided in 90 days) went unanswered or were declined. Returnees' most common
 * complaint is employers' silence and mass mail; this makes asking well the way to ask more.
 */
import type { ResponseRates } from "../db/pool-requests.ts";

export const REQUEST_DAYS = 14;
export const RATES_DAYS = 90;
export const WEEKLY_REQUESTS = 10;
export const SLOWED_REQUESTS = 3;

export function requestAllowance(rates: ResponseRates | null): { perWeek: number; slowed: boolean } {
  const decided = rates ? rates.accepted + rates.declined + rates.expired : 0;
  const poor = rates ? rates.declined + rates.expired : 0;
  const slowed = decided >= 5 && poor / decided > 0.6;
  return { perWeek: slowed ? SLOWED_REQUESTS : WEEKLY_REQUESTS, slowed };
}
