import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import type { EventDto } from "../../shared/schemas/events.ts";
import "../../widget/src/events/define.ts";
import { $, $$, API, api, countText, mount, settled, shadow } from "./helpers.ts";

type EventList = { data: EventDto[]; next_cursor: string | null };

const berlin = (iso: string, options: Intl.DateTimeFormatOptions, lang = "de") =>
  new Intl.DateTimeFormat(lang, { timeZone: "Europe/Berlin", ...options }).format(new Date(iso));

afterEach(() => document.body.replaceChildren());

describe("<hv-events>", () => {
  it("lists upcoming events with date and time in Europe/Berlin, place, town and description", async () => {
    const el = mount(`<hv-events api="{api}" page-size="5"></hv-events>`);
    await settled(el);
    const expected = await api<EventList>("/v1/events?limit=5");
    const items = $$(el, "[part~='event']");
    expect(items).toHaveLength(5);
    expect(countText(el)).toBe("5 Termine");
    expected.data.forEach((event, i) => {
      const item = items[i] as HTMLElement;
      expect(item.querySelector("[part~='event-title']")?.textContent?.trim()).toBe(event.title);
      const when = item.querySelector("[part~='event-when']")?.textContent ?? "";
      expect(when).toContain(berlin(event.starts_at, { weekday: "long", day: "numeric", month: "long" }));
      expect(when).toContain(berlin(event.starts_at, { hour: "2-digit", minute: "2-digit" }));
      expect(item.querySelector("[part~='event-where']")?.textContent).toContain(event.town.name);
      expect(item.textContent).toContain(event.venue);
    });
    // Past events stay hidden by default.
    const now = Date.now();
    for (const e of expected.data) expect(new Date(e.ends_at).getTime()).toBeGreaterThan(now);
  });

  it("offers each event's .ics and a webcal:// subscription to the filtered feed, both real calendars", async () => {
    const el = mount(`<hv-events api="{api}" town="brilon" kind="stammtisch" page-size="2"></hv-events>`);
    await settled(el);
    const ics = $(el, "[part~='ics-link']") as HTMLAnchorElement;
    expect(ics.getAttribute("href")).toMatch(/\/v1\/events\/\d+\.ics$/);
    const file = await fetch(ics.href);
    expect(file.headers.get("Content-Type")).toContain("text/calendar");
    const text = await file.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain("TZID=Europe/Berlin");
    const subscribe = $(el, "[part~='subscribe-link']") as HTMLAnchorElement;
    const feed = new URL(subscribe.getAttribute("href") ?? "");
    expect(feed.protocol).toBe("webcal:");
    expect(feed.pathname).toBe("/v1/events.ics");
    expect(Object.fromEntries(feed.searchParams)).toEqual({ town: "brilon", kind: "stammtisch" });
    const feedText = await (await fetch(feed.href.replace(/^webcal:/, "http:"))).text();
    expect(feedText).toContain("BEGIN:VEVENT");
    expect(feedText).toContain("Brilon");
  });

  it("filters by town and kind from attributes and from its selects", async () => {
    const el = mount(`<hv-events api="{api}" town="meschede" page-size="50"></hv-events>`);
    await settled(el);
    const expected = await api<EventList>("/v1/events?town=meschede&limit=50");
    expect($$(el, "[part~='event']")).toHaveLength(expected.data.length);
    for (const where of $$(el, "[part~='event-where']")) expect(where.textContent).toContain("Meschede");
    const [, kindSelect] = $$(el, "[part~='filters'] select") as HTMLSelectElement[];
    await userEvent.selectOptions(kindSelect as HTMLSelectElement, "stammtisch");
    await settled(el);
    const stammtisch = await api<EventList>("/v1/events?town=meschede&kind=stammtisch&limit=50");
    expect($$(el, "[part~='event']")).toHaveLength(stammtisch.data.length);
    for (const kind of $$(el, ".kind")) expect(kind.textContent).toBe("Rückkehrer-Stammtisch");
  });

  it("shows a month grid with the events on their Berlin days, and moves between months", async () => {
    const el = mount(`<hv-events api="{api}" view="month" kind="stammtisch"></hv-events>`);
    await settled(el);
    await userEvent.click($$(el, ".month-nav button")[1] as HTMLElement);
    await settled(el);
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15));
    const monthName = new Intl.DateTimeFormat("de", { month: "long", year: "numeric", timeZone: "UTC" }).format(next);
    expect($(el, ".month-title")?.textContent).toBe(monthName);
    const grid = $(el, "[part~='month']") as HTMLElement;
    expect(getComputedStyle(grid).display).toBe("table");
    const events = await api<EventList>(
      `/v1/events?kind=stammtisch&from=${next.toISOString().slice(0, 8)}01&to=${next.toISOString().slice(0, 8)}28&limit=200`,
    );
    expect(events.data.length).toBeGreaterThan(0);
    const first = events.data[0] as EventDto;
    const day = Number(berlin(first.starts_at, { day: "numeric" }));
    const cell = $$(el, "[part~='day']").find((d) => d.querySelector(".day-number")?.textContent === String(day));
    expect(cell?.textContent).toContain(first.title);
    // A Stammtisch is on the third Thursday: column 4 of a Monday-first week.
    expect((cell as HTMLTableCellElement).cellIndex).toBe(3);
  });

  it("always shows the list on narrow screens, even in month view", async () => {
    const el = mount(`<hv-events api="{api}" view="month" show-past></hv-events>`);
    el.style.width = "320px";
    await settled(el);
    const grid = $(el, "[part~='month']");
    if (grid) expect(getComputedStyle(grid).display).toBe("none");
    expect($(el, "[part~='list']") ?? $(el, "[part~='state']")).not.toBeNull();
  });

  it("describes the events it shows as schema.org Event JSON-LD, outside its shadow root", async () => {
    const el = mount(`<hv-events api="{api}" page-size="3"></hv-events>`);
    await settled(el);
    const script = el.querySelector("script[type='application/ld+json']");
    const data = JSON.parse(script?.textContent ?? "{}") as { "@graph": Record<string, unknown>[] };
    const expected = await api<EventList>("/v1/events?limit=3");
    expect(data["@graph"]).toHaveLength(3);
    expect(data["@graph"][0]).toMatchObject({
      "@type": "Event",
      name: expected.data[0]?.title,
      startDate: expected.data[0]?.starts_at,
      location: { "@type": "Place", address: { addressLocality: expected.data[0]?.town.name, addressCountry: "DE" } },
    });
  });

  it("speaks English with lang=en, with English dates", async () => {
    const el = mount(`<hv-events api="{api}" page-size="2" lang="en"></hv-events>`);
    await settled(el);
    const expected = await api<EventList>("/v1/events?limit=2", "en");
    expect(countText(el)).toBe("2 events");
    const when = $(el, "[part~='event-when']")?.textContent ?? "";
    for (const part of ["weekday", "month"] as const) {
      expect(when).toContain(berlin(expected.data[0]?.starts_at ?? "", { [part]: "long" }, "en"));
    }
    expect($(el, "[part~='ics-link']")?.textContent).toContain("Add to calendar");
  });

  it("shows an error with a retry, and an empty state for a month without events", async () => {
    const failing = mount(`<hv-events api="{proxy}/fail-once/${crypto.randomUUID()}"></hv-events>`);
    await settled(failing);
    await userEvent.click($(failing, "[role='alert'] button") as HTMLElement);
    await settled(failing);
    expect($$(failing, "[part~='event']").length).toBeGreaterThan(0);
    const empty = mount(`<hv-events api="{api}" view="month" town="hallenberg" kind="fair"></hv-events>`);
    await settled(empty);
    for (let i = 0; i < 14 && !$(empty, "[part~='state']"); i++) {
      await userEvent.click($$(empty, ".month-nav button")[1] as HTMLElement);
      await settled(empty);
    }
    expect($(empty, "[part~='state']")?.textContent).toContain("Keine Termine in diesem Zeitraum.");
  });

  it("shows events that are over only with show-past", async () => {
    const el = mount(`<hv-events api="{api}" show-past page-size="3"></hv-events>`);
    await settled(el);
    const times = $$(el, "[part~='event-when'] time").map((t) => new Date(t.getAttribute("datetime") ?? "").getTime());
    expect(times.length).toBe(3);
    expect(Math.min(...times)).toBeLessThan(Date.now());
  });

  it("works with the keyboard alone: pick a town, switch to the month view, page through months", async () => {
    const el = mount(`<hv-events api="{api}" page-size="3"></hv-events>`);
    await settled(el);
    const [townSelect] = $$(el, "[part~='filters'] select") as HTMLSelectElement[];
    (townSelect as HTMLSelectElement).focus();
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}");
    await settled(el);
    expect((townSelect as HTMLSelectElement).value).not.toBe("");
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(shadow(el).activeElement?.textContent?.trim()).toBe("Monat");
    await userEvent.keyboard("{Enter}");
    await settled(el);
    expect($(el, ".month-title")).not.toBeNull();
    await userEvent.tab();
    await userEvent.tab();
    const before = $(el, ".month-title")?.textContent;
    await userEvent.keyboard("{Enter}");
    await settled(el);
    expect($(el, ".month-title")?.textContent).not.toBe(before);
    expect(getComputedStyle(shadow(el).activeElement as HTMLElement).outlineStyle).toBe("solid");
  });

  it("has no accessibility violations (axe-core) in list and month view", async () => {
    for (const markup of [
      `<hv-events api="{api}" page-size="4"></hv-events>`,
      `<hv-events api="{api}" view="month" theme="dark"></hv-events>`,
    ]) {
      const el = mount(markup);
      await settled(el);
      const results = await axe.run(el.parentElement as HTMLElement, { resultTypes: ["violations"] });
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
        [],
      );
    }
    expect(shadow(document.querySelector("hv-events") as HTMLElement)).toBeTruthy();
    expect(API).toBeTruthy();
  });
});
