/** What `<hv-events>` asks the API for, from its configuration: shared by the element and first-page.ts. */

import { EVENT_KIND_IDS, TOWN_IDS } from "../../../shared/ids.ts";
import { ROUTES } from "../../../shared/routes.ts";
import { apiBase, type Params, withParams } from "../lib/api.ts";

/** A town or kind the API knows, else none (a misspelt attribute shows everything rather than nothing). */
export function chosenTown(value: string | null): string {
  return (TOWN_IDS as readonly string[]).includes(value ?? "") ? (value ?? "") : "";
}

export function chosenKind(value: string | null): string {
  return (EVENT_KIND_IDS as readonly string[]).includes(value ?? "") ? (value ?? "") : "";
}

export function eventsPageSize(value: unknown): number {
  return Math.min(100, Math.max(1, Math.trunc(Number(value)) || 10));
}

export function eventsUrl(api: string | null, town: string, kind: string, params: Params): URL {
  return withParams(apiBase(api), ROUTES.events, { town: town || undefined, kind: kind || undefined, ...params });
}
