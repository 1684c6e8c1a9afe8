/** The staff API from the console: same-origin requests with the session cookie; failures as messages. */
import type { ErrorEnvelope } from "../../shared/errors.ts";

export class ApiFailure extends Error {
  readonly status: number;
  readonly fields: Record<string, string>;
  constructor(message: string, status: number, fields: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

export async function api<T>(path: string, lang: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`/v1/staff${path}`, {
    method: init.method ?? "GET",
    credentials: "same-origin",
    headers: {
      "Accept-Language": lang,
      ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  // The session ended (idle, signed out elsewhere): back to the sign-in page.
  if (res.status === 401) {
    location.assign(`/console/sign-in?lang=${lang}`);
    throw new ApiFailure("signed out", 401);
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as T | ErrorEnvelope | null;
  if (!res.ok) {
    const error = (body as ErrorEnvelope | null)?.error;
    throw new ApiFailure(error?.message ?? `HTTP ${res.status}`, res.status, error?.fields ?? {});
  }
  return body as T;
}

/**
 * Every row of a paged list, page after page (`next_cursor`): for pickers that offer all of them, such as
 * the employers with a contact address.
 */
export async function allPages<T>(path: string, lang: string): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL(path, "https://console.invalid");
    url.searchParams.set("limit", "200");
    if (cursor) url.searchParams.set("cursor", cursor);
    const page: { data: T[]; next_cursor: string | null } = await api(`${url.pathname}${url.search}`, lang);
    rows.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return rows;
}
