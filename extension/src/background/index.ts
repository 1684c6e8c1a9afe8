/**
 * The service worker: keeps the job index fresh (on install and every three hours), answers the content
 * script's "what matches?" from it, and shows the count on the toolbar badge of that tab.
 */
import browser from "webextension-polyfill";
import { sessionStore } from "../lib/compat.ts";
import { isMatchRequest, type MatchReply } from "../lib/protocol.ts";
import { readSettings } from "../lib/settings.ts";
import { match, refreshIndex } from "./job-index.ts";

const ALARM = "refresh-job-index";
const REFRESH_MINUTES = 180;

async function refresh(): Promise<void> {
  try {
    await refreshIndex();
  } catch {
    // Offline or the API is down: the stored index stays; the alarm tries again.
  }
}

browser.runtime.onInstalled.addListener(() => {
  void browser.alarms.create(ALARM, { periodInMinutes: REFRESH_MINUTES });
  void refresh();
});
browser.runtime.onStartup.addListener(() => void refresh());
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) void refresh();
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only our own content scripts, in a tab, with a well-formed question.
  if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || !isMatchRequest(message)) return undefined;
  const tabId = sender.tab.id;
  return (async (): Promise<MatchReply> => {
    const settings = await readSettings();
    if (!settings.boards[message.board] || settings.snoozedUntil > Date.now()) return null;
    const result = await match(message.query, settings.towns);
    await browser.action.setBadgeText({ tabId, text: result.count > 0 ? String(Math.min(result.count, 999)) : "" });
    await browser.action.setBadgeBackgroundColor({ tabId, color: "#0a6847" });
    await sessionStore().set({ [`tab:${tabId}`]: result });
    return { result, lang: settings.lang };
  })();
});
