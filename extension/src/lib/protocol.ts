/** The messages between content script, popup and background, typed and checked on arrival. */
import { BOARD_IDS, type BoardId } from "../boards/types.ts";

export interface MatchRequest {
  type: "match";
  /** A search or a job title as the board shows it; never leaves the extension. */
  query: string;
  /** The board asking: the background answers nothing when the reader switched it off. */
  board: BoardId;
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

/**
 * The background's answer, with the reader's language, so the content script need not read the settings
 * itself on every page (that would cost the page the storage API's set-up); null when the board is
 * switched off or hints are snoozed.
 */
export type MatchReply = { result: MatchResult; lang: "de" | "en" } | null;

export const MAX_QUERY = 200;

export function isMatchRequest(value: unknown): value is MatchRequest {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    v.type === "match" &&
    typeof v.query === "string" &&
    v.query.length > 0 &&
    v.query.length <= MAX_QUERY &&
    (BOARD_IDS as readonly unknown[]).includes(v.board)
  );
}
