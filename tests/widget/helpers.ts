// Mounting elements against the real worker the global setup started, and waiting for what a reader sees.
import { expect, inject } from "vitest";

export const API = inject("apiOrigin");
export const PROXY = inject("proxyOrigin");

/**
 * Puts `markup` into a fresh container in the page; `{api}` becomes the test server's origin and
 * `{proxy}` the slow/failing proxy in front of it.
 */
export function mount<T extends HTMLElement>(markup: string, background = ""): T {
  const host = document.createElement("div");
  // The widgets are transparent: a page that asks for the dark theme has a dark background of its own.
  host.style.background = background || (/theme="dark"/.test(markup) ? "#121417" : "");
  host.innerHTML = markup.replaceAll("{api}", API).replaceAll("{proxy}", PROXY);
  document.body.replaceChildren(host);
  const element = host.firstElementChild;
  if (!element) throw new Error("nothing mounted");
  return element as T;
}

export function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}

export function $(element: HTMLElement, selector: string): HTMLElement | null {
  return shadow(element).querySelector<HTMLElement>(selector);
}

export function $$(element: HTMLElement, selector: string): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>(selector)];
}

/** The text of the live count line. */
export function countText(element: HTMLElement): string {
  return $(element, "[part~='count']")?.textContent?.trim() ?? "";
}

/**
 * Opens a disclosure in an element's shadow root (a filter, a calendar menu) as a click on its summary
 * does, and waits for what the element makes on first opening.
 */
export async function openDetails(element: HTMLElement, disclosure: Element): Promise<void> {
  const details = disclosure as HTMLDetailsElement;
  if (details.open) return;
  const toggled = new Promise((resolve) => details.addEventListener("toggle", resolve, { once: true }));
  (details.querySelector("summary") as HTMLElement).click();
  await toggled;
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** Waits until the element has answered (results, empty or error), not just the skeleton. */
export async function settled(element: HTMLElement, timeout = 10_000): Promise<void> {
  // First let a pending render (a click's new "loading" state) reach the DOM, then wait for the answer.
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  await expect
    .poll(
      () =>
        $(element, "[part~='list']")?.getAttribute("aria-busy") === "false" ||
        !!$(element, "[role='alert'], p[part~='state']"),
      { timeout },
    )
    .toBe(true);
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

export async function api<T>(path: string, lang = "de"): Promise<T> {
  const response = await fetch(`${API}${path}`, { headers: { "Accept-Language": lang } });
  return (await response.json()) as T;
}
