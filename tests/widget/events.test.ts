import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import type { EventDto } from "../../shared/schemas/events.ts";
import "../../widget/src/events/define.ts";
import { BUSY_DAY } from "../browser/data.ts";
import { $, $$, API, api, countText, mount, openDetails, settled, shadow } from "./helpers.ts";

type EventList = { data: EventDto[]; total: number; next_cursor: string | null };

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
    // How many match in all, and how many are shown.
    expect(countText(el)).toBe(`${expected.total} Termine – 5 angezeigt`);
    expected.data.forEach((event, i) => {
      const item = items[i] as HTMLElement;
      expect(item.querySelector("[part~='event-title']")?.textContent?.trim()).toBe(event.title);
      const when = item.querySelector("[part~='event-when']")?.textContent ?? "";
      expect(when).toContain(berlin(event.starts_at, { weekday: "long", day: "numeric", month: "long" }));
      expect(when).toContain(berlin(event.starts_at, { hour: "2-digit", minute: "2-digit" }));
      const where = item.querySelector("[part~='event-where']")?.textContent ?? "";
      expect(where).toContain(event.town.name);
      expect(where).toContain(event.venue);
      // "59846 Sundern" in the address: the town is not written a second time.
      expect(where.split(event.town.name).length - 1, where).toBe(1);
      expect(item.querySelector("[role='heading']")?.getAttribute("aria-level")).toBe("2");
    });
    // Past events stay hidden by default.
    const now = Date.now();
    for (const e of expected.data) expect(new Date(e.ends_at).getTime()).toBeGreaterThan(now);
  });

  it("offers each event's .ics and a webcal:// subscription to the filtered feed, both real calendars", async () => {
    const el = mount(`<hv-events api="{api}" town="meschede" kind="stammtisch" page-size="2"></hv-events>`);
    await settled(el);
    // The menu's links are made when it is first opened.
    expect($(el, "[part~='ics-link']")).toBeNull();
    await openDetails(el, $(el, "[part~='add-to-calendar']") as HTMLElement);
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
    expect(Object.fromEntries(feed.searchParams)).toEqual({ town: "meschede", kind: "stammtisch" });
    const feedText = await (await fetch(feed.href.replace(/^webcal:/, "http:"))).text();
    expect(feedText).toContain("BEGIN:VEVENT");
    expect(feedText).toContain("Meschede");
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
    // Every town's Stammtisch at the same hour is one entry, its titles in the tooltip.
    const entry = cell?.querySelector("[part~='day-event']") as HTMLButtonElement;
    const sameDay = events.data.filter((e) => berlin(e.starts_at, { day: "numeric" }) === String(day));
    expect(entry.getAttribute("title")).toContain(first.title);
    if (sameDay.length > 1) expect(entry.textContent).toContain(`${sameDay.length} Orte`);
    // A Stammtisch is on the third Thursday: column 4 of a Monday-first week.
    expect((cell as HTMLTableCellElement).cellIndex).toBe(3);
    // The entry opens those events' details below the grid, and the reader lands there.
    entry.focus();
    await userEvent.keyboard("{Enter}");
    await expect.poll(() => $$(el, "[part~='event']").length).toBe(sameDay.length);
    expect($(el, "[part~='event-title']")?.textContent?.trim()).toBe(first.title);
    expect(shadow(el).activeElement?.classList.contains("selection-title")).toBe(true);
    await userEvent.click($(el, ".selection button") as HTMLElement);
    expect($$(el, "[part~='event']").length).toBe(events.data.length);
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
    // Written just after the events are drawn.
    await expect.poll(() => el.querySelector("script[type='application/ld+json']")).not.toBeNull();
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

  it("says a cancelled event is cancelled, in words and in its JSON-LD, and keeps it listed", async () => {
    const expected = await api<EventList>("/v1/events?town=winterberg&limit=50");
    const cancelled = expected.data.find((e) => e.status === "cancelled");
    expect(cancelled).toBeDefined();
    const el = mount(`<hv-events api="{api}" town="winterberg" page-size="50"></hv-events>`);
    await settled(el);
    const item = $(el, `[part~='event'][data-id='${cancelled?.id}']`);
    expect(item?.querySelector("[part~='event-cancelled']")?.textContent).toBe("Abgesagt");
    expect(item?.classList.contains("cancelled")).toBe(true);
    // Nobody is offered to put a cancelled event into their calendar.
    expect(item?.querySelector("[part~='add-to-calendar']")).toBeNull();
    const others = $$(el, "[part~='event-cancelled']");
    expect(others).toHaveLength(expected.data.filter((e) => e.status === "cancelled").length);
    await expect.poll(() => el.querySelector("script[type='application/ld+json']")).not.toBeNull();
    const script = el.querySelector("script[type='application/ld+json']");
    const graph = (JSON.parse(script?.textContent ?? "{}") as { "@graph": { name: string; eventStatus: string }[] })[
      "@graph"
    ];
    const index = expected.data.findIndex((e) => e.id === cancelled?.id);
    expect(graph[index]?.eventStatus).toBe("https://schema.org/EventCancelled");
    expect(graph.filter((g) => g.eventStatus.endsWith("EventScheduled"))).toHaveLength(
      expected.data.length - others.length,
    );
  });

  it("speaks English with lang=en, with English dates", async () => {
    const el = mount(`<hv-events api="{api}" page-size="2" lang="en"></hv-events>`);
    await settled(el);
    const expected = await api<EventList>("/v1/events?limit=2", "en");
    expect(countText(el)).toBe(`${expected.total} events – 2 shown`);
    const when = $(el, "[part~='event-when']")?.textContent ?? "";
    for (const part of ["weekday", "month"] as const) {
      expect(when).toContain(berlin(expected.data[0]?.starts_at ?? "", { [part]: "long" }, "en"));
    }
    expect($(el, "[part~='add-to-calendar'] summary")?.textContent).toContain("Add to calendar");
    await openDetails(el, $(el, "[part~='add-to-calendar']") as HTMLElement);
    expect($(el, "[part~='ics-link']")?.textContent).toContain("Calendar file (.ics)");
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

  it('collapses a busy day to "+N more", marks today, and opens any day\'s events with the keyboard', async () => {
    const el = mount(`<hv-events api="{api}" view="month" town="brilon"></hv-events>`);
    await settled(el);
    const today = $(el, "[part~='day'][aria-current='date']");
    expect(today?.querySelector(".day-number")?.textContent).toContain(
      berlin(new Date().toISOString(), { day: "numeric" }),
    );
    for (let i = 0; i < 2; i++) {
      await userEvent.click($$(el, ".month-nav button")[1] as HTMLElement);
      await settled(el);
    }
    const cell = $$(el, "[part~='day']").find((d) => d.querySelector(".day-number")?.textContent === String(10));
    // At least five events of different kinds that day: two entries, then "+N weitere" for the rest.
    const { total } = await api<EventList>(`/v1/events?town=brilon&from=${BUSY_DAY}&to=${BUSY_DAY}`);
    expect(total).toBeGreaterThanOrEqual(5);
    expect(cell?.querySelectorAll("[part~='day-event']")).toHaveLength(2);
    const more = cell?.querySelector("[part~='day-more']") as HTMLButtonElement;
    expect(more.textContent).toContain(`+${total - 2} weitere`);
    more.focus();
    await userEvent.keyboard("{Enter}");
    await expect.poll(() => $$(el, "[part~='event']").length).toBe(total);
    expect($(el, ".selection-title")?.textContent).toContain(`10.`);
  });

  it('clamps a long description to whole lines with a "more" that opens it', async () => {
    const el = mount(`<hv-events api="{api}" town="brilon" kind="fair" page-size="50"></hv-events>`);
    await settled(el);
    const item = $$(el, "[part~='event']").find((e) =>
      e.textContent?.includes("Termin 1 am vollen Tag"),
    ) as HTMLElement;
    const text = item.querySelector(".description") as HTMLElement;
    const toggle = item.querySelector("[part~='description-toggle']") as HTMLButtonElement;
    const lineHeight = Number.parseFloat(getComputedStyle(text).lineHeight);
    expect(Math.round(text.clientHeight / lineHeight)).toBe(3);
    // Measured after the frame's layout.
    await expect.poll(() => getComputedStyle(toggle).display).not.toBe("none");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await userEvent.click(toggle);
    await expect.poll(() => text.clientHeight).toBeGreaterThan(lineHeight * 4);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(toggle.textContent).toContain("Beschreibung kürzen");
    // A short description has no toggle to press.
    const short = $$(el, "[part~='event']").find((e) => !e.textContent?.includes("Termin 1 am vollen Tag"));
    if (short)
      expect(getComputedStyle(short.querySelector("[part~='description-toggle']") as HTMLElement).display).toBe("none");
  });

  it("adds an event to a calendar as .ics, in Google Calendar or Outlook.com, and offers the feed to copy", async () => {
    const el = mount(`<hv-events api="{api}" page-size="5" heading-level="3"></hv-events>`);
    await settled(el);
    // The first coming event that is not cancelled (a cancelled one offers no calendar).
    const events = (await api<EventList>("/v1/events?limit=5")).data as EventDto[];
    const at = events.findIndex((e) => e.status !== "cancelled");
    expect(at, "a coming event that is not cancelled").toBeGreaterThanOrEqual(0);
    const event = events[at];
    const item = $$(el, "[part~='event']")[at] as HTMLElement;
    expect(item.querySelector("[part~='event-title']")?.getAttribute("aria-level")).toBe("3");
    const menu = item.querySelector("[part~='add-to-calendar']") as HTMLDetailsElement;
    await openDetails(el, menu);
    const links = [...menu.querySelectorAll("a")];
    expect(links.map((a) => a.textContent?.trim())).toEqual([
      "Kalenderdatei (.ics)",
      "Google Calendar (öffnet in neuem Tab)",
      "Outlook.com (öffnet in neuem Tab)",
    ]);
    const google = new URL(links[1]?.href ?? "");
    expect(google.origin).toBe("https://calendar.google.com");
    expect(google.searchParams.get("text")).toBe(event?.title);
    const start = (event?.starts_at ?? "").replace(/[-:]/g, "").slice(0, 15);
    expect(google.searchParams.get("dates")).toMatch(new RegExp(`^${start}Z/\\d{8}T\\d{6}Z$`));
    const outlook = new URL(links[2]?.href ?? "");
    expect(outlook.hostname).toBe("outlook.live.com");
    expect(new Date(outlook.searchParams.get("startdt") ?? "").toISOString()).toBe(
      new Date(event?.starts_at ?? "").toISOString(),
    );
    for (const link of links.slice(1)) expect(link.rel).toContain("noreferrer");

    const subscribe = $(el, "[part~='subscribe']") as HTMLDetailsElement;
    await userEvent.click(subscribe.querySelector("summary") as HTMLElement);
    expect(($(el, "[part~='subscribe-link']") as HTMLAnchorElement).href).toMatch(/^webcal:/);
    const feed = subscribe.querySelector("input") as HTMLInputElement;
    expect(feed.value).toBe(`${API}/v1/events.ics`);
    expect(feed.readOnly).toBe(true);
  });

  it("has no accessibility violations (axe-core) in list and month view", async () => {
    for (const markup of [
      `<hv-events api="{api}" page-size="4"></hv-events>`,
      `<hv-events api="{api}" view="month" theme="dark"></hv-events>`,
      `<hv-events api="{api}" page-size="3" style="--hv-color-accent: #ffe066"></hv-events>`,
      `<hv-events api="{api}" page-size="3" theme="dark" style="--hv-color-accent: #1a1a8c"></hv-events>`,
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
