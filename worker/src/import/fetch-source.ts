/** Fetching a source's document: bounded in time and size, with the failure in words for its health. */
import type { Text } from "../../../shared/i18n.ts";
import { sourceUrlAllowed } from "./source-url.ts";

/** What went wrong with a source, in both languages: the console shows it to the team in theirs. */
export class SourceFailure extends Error {
  readonly text: Text;
  /** The HTTP status, when the source answered with an error. */
  readonly status: number | undefined;
  constructor(text: Text, status?: number) {
    super(text.en);
    this.text = text;
    this.status = status;
  }
}

export interface FetchOptions {
  accept: string;
  headers?: Record<string, string>;
}

const TIMEOUT_MS = 20_000;
const MAX_BYTES = 5 * 1024 * 1024;
const tooLarge: Text = {
  de: `größer als ${MAX_BYTES / 1024 / 1024} MB`,
  en: `larger than ${MAX_BYTES / 1024 / 1024} MB`,
};
const MAX_REDIRECTS = 5;

/**
 * Follows redirects one by one, each checked like a source's own URL: a feed on a public host cannot send
 * the worker to an IP address or a local name. (A source that is itself local, in development, may.)
 */
async function fetchFollowing(url: string, init: RequestInit): Promise<Response> {
  const strict = sourceUrlAllowed(url, false);
  let at = url;
  for (let hop = 0; ; hop++) {
    const response = await fetch(at, { ...init, redirect: "manual" });
    const location = response.headers.get("Location");
    if (response.status < 300 || response.status > 399 || !location) return response;
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS)
      throw new SourceFailure({
        de: `mehr als ${MAX_REDIRECTS} Weiterleitungen`,
        en: `more than ${MAX_REDIRECTS} redirects`,
      });
    at = new URL(location, at).href;
    if (!sourceUrlAllowed(at, !strict))
      throw new SourceFailure({
        de: "leitet an eine Adresse weiter, die der Import nicht abrufen darf",
        en: "redirected to an address the import may not fetch",
      });
  }
}

export async function fetchSource(url: string, options: FetchOptions): Promise<string> {
  let response: Response;
  try {
    response = await fetchFollowing(url, {
      headers: {
        ...options.headers,
        Accept: options.accept,
        "User-Agent": "Heimvorteil-Import/1 (+https://heimvorteil.example)",
      },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof SourceFailure) throw error;
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new SourceFailure(
      timedOut
        ? { de: `keine Antwort binnen ${TIMEOUT_MS / 1000} s`, en: `no answer within ${TIMEOUT_MS / 1000} s` }
        : { de: "nicht erreichbar", en: "could not be reached" },
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SourceFailure(
      { de: `antwortet mit Status ${response.status}`, en: `answered ${response.status}` },
      response.status,
    );
  }
  const declared = Number(response.headers.get("Content-Length") ?? "0");
  if (declared > MAX_BYTES) {
    await response.body?.cancel();
    throw new SourceFailure(tooLarge);
  }
  // Counted while reading too: a missing or false Content-Length must not let 50 MB in.
  const reader = response.body?.getReader();
  if (!reader) return "";
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new SourceFailure(tooLarge);
    }
    parts.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    body.set(part, at);
    at += part.byteLength;
  }
  return new TextDecoder().decode(body);
}

/** A JSON document; an answer that is not JSON (an HTML error page with status 200) is a failure. */
export async function fetchJson(url: string, headers?: Record<string, string>): Promise<unknown> {
  const body = await fetchSource(url, { accept: "application/json", ...(headers ? { headers } : {}) });
  try {
    return JSON.parse(body);
  } catch {
    throw new SourceFailure(
      body.trimStart().startsWith("<")
        ? { de: "antwortet mit einer Webseite statt mit JSON", en: "answered HTML instead of JSON" }
        : { de: "antwortet nicht mit gültigem JSON", en: "answered no valid JSON" },
    );
  }
}
