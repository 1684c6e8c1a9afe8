/** The toolbar popup: the matches the content script found on the active tab. */
import browser from "webextension-polyfill";
import { sessionStore } from "../lib/compat.ts";
import { TEXT } from "../lib/messages.ts";
import type { MatchResult } from "../lib/protocol.ts";
import { readSettings } from "../lib/settings.ts";

const settings = await readSettings();
const t = TEXT[settings.lang];
const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
const stored = tab?.id === undefined ? {} : await sessionStore().get(`tab:${tab.id}`);
const result = (stored as Record<string, MatchResult | undefined>)[`tab:${tab?.id}`];

const summary = document.getElementById("summary") as HTMLElement;
const list = document.getElementById("jobs") as HTMLUListElement;
const more = document.getElementById("more") as HTMLElement;
if (!result || result.count === 0) {
  summary.textContent = t.popupEmpty;
} else {
  summary.textContent = t.chip(result.count);
  for (const job of result.jobs) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = new URL(`/jobs/${job.id}`, result.allUrl).href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.textContent = job.title;
    const meta = document.createElement("small");
    meta.textContent = `${job.employer} · ${job.town}`;
    item.append(link, meta);
    list.append(item);
  }
  const all = document.createElement("a");
  all.href = result.allUrl;
  all.target = "_blank";
  all.rel = "noopener noreferrer";
  all.textContent = t.all(result.count);
  more.append(all);
}
