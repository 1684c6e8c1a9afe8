/**
 * The content script of one job board (each board has its own, boards/<id>/content.ts, so a board's page
 * compiles only its own adapter): reads the page through the adapter, asks the background what matches
 * (the question stays inside the extension), and shows the hint. Follows single-page navigation, tears
 * everything down when the page changes, and stays silent on any page it does not understand.
 */
import type { Board, PageInfo } from "../boards/types.ts";
import { ext } from "../lib/native.ts";
import { observe } from "../lib/observe.ts";
import type { MatchReply, MatchRequest } from "../lib/protocol.ts";
import { readSettings, writeSettings } from "../lib/settings.ts";
import { createHint, HOST_TAG, isHint } from "./hint.ts";

const SNOOZE_MS = 24 * 3_600_000;
const DEBUG = false;

let current: { key: string; host: HTMLElement | undefined } | undefined;
let dismissedOn: string | undefined;

function teardown(): void {
  current?.host?.remove();
  current = undefined;
}

async function show(board: Board, page: PageInfo, key: string): Promise<void> {
  current = { key, host: undefined };
  // One message: the background knows the settings (board switched off, snoozed, language) and answers null
  // rather than a match when no hint is wanted.
  const request: MatchRequest = { type: "match", query: page.query, board: board.id };
  const reply = (await ext.runtime.sendMessage(request)) as MatchReply;
  // The page may have moved on while we asked.
  if (current?.key !== key || !reply || reply.result.count === 0 || !page.anchor.isConnected) return;
  const host = createHint(reply.result, reply.lang, board.name, {
    dismiss: () => {
      dismissedOn = key;
      teardown();
    },
    snooze: () => {
      void writeSettings({ snoozedUntil: Date.now() + SNOOZE_MS });
      teardown();
    },
    switchOff: () => {
      void readSettings().then((settings) => writeSettings({ boards: { ...settings.boards, [board.id]: false } }));
      teardown();
    },
  });
  page.anchor.before(host);
  current.host = host;
}

function check(board: Board): void {
  try {
    const url = new URL(location.href);
    const page = board.owns(url) ? board.read(document, url) : undefined;
    if (!page) {
      teardown();
      return;
    }
    const key = `${url.pathname}${url.search}|${page.query}`;
    if (key === dismissedOn) return;
    // Same page, hint still in place (or being fetched): nothing to do.
    if (current?.key === key && (current.host === undefined || current.host.isConnected)) return;
    teardown();
    void show(board, page, key).catch((error: unknown) => {
      if (DEBUG) console.debug("heimvorteil:", error);
    });
  } catch (error) {
    // One board's surprise must never break the page.
    if (DEBUG) console.debug("heimvorteil:", error);
  }
}

/** Runs the content script for `board`, the one whose pages the manifest injects it into. */
export function start(board: Board): void {
  // A second injection (after an extension update) replaces the first one's hint rather than adding one.
  for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();
  const look = () => check(board);
  look();
  // Boards render late (Angular) or navigate without loading (LinkedIn, XING): look again when the page changes.
  observe(look, isHint);
  addEventListener("popstate", look);
}
