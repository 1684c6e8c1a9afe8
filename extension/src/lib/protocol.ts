/** The messages between content script, popup and background, typed and checked on arrival. */
export interface MatchRequest {
  type: "match";
  /** A search or a job title as the board shows it; never leaves the extension. */
  query: string;
}

export interface MatchedJob {
  id: number;
  title: string;
  employer: string;
  town: string;
}

export interface MatchResult {
  count: number;
  jobs: MatchedJob[];
  /** Where "all matches" opens: the regional job page, the query in its #fragment (never sent anywhere). */
  allUrl: string;
}

export const MAX_QUERY = 200;

export function isMatchRequest(value: unknown): value is MatchRequest {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return v.type === "match" && typeof v.query === "string" && v.query.length > 0 && v.query.length <= MAX_QUERY;
}
