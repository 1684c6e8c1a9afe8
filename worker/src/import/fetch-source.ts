/** Fetching a source's document: bounded in time and size, with the failure in words for its health. */

export class SourceFailure extends Error {
  /** The HTTP status, when the source answered with an error. */
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

export interface FetchOptions {
  accept: string;
  headers?: Record<string, string>;
}

const TIMEOUT_MS = 20_000;
const MAX_BYTES = 5 * 1024 * 1024;

export async function fetchSource(url: string, options: FetchOptions): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        ...options.headers,
        Accept: options.accept,
        "User-Agent": "Heimvorteil-Import/1 (+https://heimvorteil.example)",
      },
      redirect: "follow",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new SourceFailure(timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : "could not be reached");
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SourceFailure(`answered ${response.status}`, response.status);
  }
  const declared = Number(response.headers.get("Content-Length") ?? "0");
  if (declared > MAX_BYTES) {
    await response.body?.cancel();
    throw new SourceFailure(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
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
      throw new SourceFailure(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
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
      body.trimStart().startsWith("<") ? "answered HTML instead of JSON" : "answered no valid JSON",
    );
  }
}
