import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import type { JobList as AnyJobList, JobFacets } from "../../shared/schemas/jobs.ts";

// The first page of a search always carries its facets.
type JobList = AnyJobList & { facets: JobFacets };

import { TOWNS, townsWithin } from "../../shared/towns.ts";
import "../../widget/src/jobs/define.ts";
import { HOSTILE_JOB_ID } from "../browser/data.ts";
import { $, $$, API, api, countText, mount, openDetails, settled, shadow } from "./helpers.ts";

const titleOf = (a: HTMLElement) => a.querySelector("bdi")?.textContent ?? "";
const number = (n: number) => new Intl.NumberFormat("de").format(n);

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, "", location.pathname + location.search);
});

describe("<hv-jobs> shows the region's jobs", () => {
  it("lists the newest jobs with title, employer, town, badges and age, linking to each job's page", async () => {
    const el = mount(`<hv-jobs api="{api}" page-size="5"></hv-jobs>`);
    await settled(el);
    const expected = await api<JobList>("/v1/jobs?limit=5");
    expect(countText(el)).toBe(`${number(expected.total)} Stellen`);
    const jobs = $$(el, "[part~='job']");
    expect(jobs).toHaveLength(5);
    const titles = $$(el, "[part~='job-title']");
    expect(titles.map(titleOf)).toEqual(expected.data.map((j) => j.title));
    expected.data.forEach((job, i) => {
      expect(titles[i]?.getAttribute("href")).toBe(job.url);
      expect(titles[i]?.getAttribute("href")).toMatch(/\/jobs\/\d+$/);
      expect(jobs[i]?.textContent).toContain(job.employer.name);
      expect(jobs[i]?.textContent).toContain(job.town.name);
      if (job.employment.includes("full_time")) expect(jobs[i]?.textContent).toContain("Vollzeit");
      if (job.remote !== "onsite") expect(jobs[i]?.textContent).toContain("Homeoffice möglich");
    });
    expect(jobs[0]?.querySelector("time")?.getAttribute("datetime")).toBe(expected.data[0]?.posted_at);
    // Google allows JobPosting markup only on the job's own page, never on a list.
    expect(el.querySelector("script")).toBeNull();
    expect(shadow(el).querySelector("script")).toBeNull();
  });

  it("applies every filter attribute and shows the same jobs the API gives for them", async () => {
    const list = await api<JobList>("/v1/jobs?limit=1");
    const employer = list.facets.employer[0]?.value ?? "";
    const cases: [string, string][] = [
      [`employer="${employer}"`, `employer=${employer}`],
      [`town="brilon" radius-km="20"`, "town=brilon&radius_km=20"],
      [`category="healthcare"`, "category=healthcare"],
      [`employment="apprenticeship, part_time"`, "employment=apprenticeship,part_time"],
      [`q="Elektroniker"`, "q=Elektroniker"],
      [`town="meschede" category="it" employment="full_time"`, "town=meschede&category=it&employment=full_time"],
    ];
    for (const [attributes, query] of cases) {
      const el = mount(`<hv-jobs api="{api}" page-size="50" ${attributes}></hv-jobs>`);
      await settled(el);
      const expected = await api<JobList>(`/v1/jobs?limit=50&${query}`);
      expect(countText(el), attributes).toBe(
        `${number(expected.total)} ${expected.total === 1 ? "Stelle" : "Stellen"}`,
      );
      expect($$(el, "[part~='job-title']").map(titleOf), attributes).toEqual(expected.data.map((j) => j.title));
    }
    const el = mount(`<hv-jobs api="{api}" page-size="50" town="brilon" radius-km="20"></hv-jobs>`);
    await settled(el);
    const near = new Set(townsWithin(["brilon"], 20).map(String));
    const nearNames = TOWNS.filter((t) => near.has(t.id)).map((t) => t.name);
    for (const meta of $$(el, "[part~='job-meta']"))
      expect(nearNames.some((n) => meta.textContent?.includes(n))).toBe(true);
  });

  it("honours page-size, layout, hide-search and hide-filters", async () => {
    const el = mount(`<hv-jobs api="{api}" page-size="3" layout="cards" hide-search hide-filters></hv-jobs>`);
    await settled(el);
    expect($$(el, "[part~='job']")).toHaveLength(3);
    expect($(el, "[part~='search']")).toBeNull();
    expect($(el, "[part~='filters']")).toBeNull();
    const cards = $$(el, "[part~='job']").map((j) => j.getBoundingClientRect());
    // Cards sit side by side at this width; the list layout stacks them.
    expect(cards[1]?.top).toBe(cards[0]?.top);
    el.setAttribute("layout", "list");
    await settled(el);
    const rows = $$(el, "[part~='job']").map((j) => j.getBoundingClientRect());
    expect(rows[1]?.top).toBeGreaterThan(rows[0]?.bottom ?? 0);
    el.setAttribute("layout", "compact");
    await settled(el);
    const compact = $$(el, "[part~='job']").map((j) => j.getBoundingClientRect().height);
    expect(compact[0]).toBeLessThan(rows[0]?.height ?? 0);
  });
});

describe("<hv-jobs> search and filters", () => {
  it("offers only options that exist, with their counts, from the API's facets", async () => {
    const el = mount(`<hv-jobs api="{api}" category="it"></hv-jobs>`);
    await settled(el);
    const expected = await api<JobList>("/v1/jobs?category=it&limit=1");
    const towns = $$(el, "[part~='filter']")[0];
    // Options are made when a filter is first opened.
    expect(towns?.querySelectorAll("label.option")).toHaveLength(0);
    await openDetails(el, towns as HTMLElement);
    const options = [...(towns?.querySelectorAll("label.option") ?? [])].map((l) =>
      l.textContent?.replace(/\s+/g, " ").trim(),
    );
    expect(options).toEqual(expected.facets.town.map((o) => `${o.label} (${number(o.count)})`));
    expect(options.every((o) => !o?.endsWith("(0)"))).toBe(true);
  });

  it("combines filters: a town and a field together narrow the list, neither replaces the other", async () => {
    const el = mount(`<hv-jobs api="{api}" page-size="50"></hv-jobs>`);
    await settled(el);
    const [townFilter, categoryFilter] = $$(el, "[part~='filter']") as [HTMLElement, HTMLElement];
    await openDetails(el, townFilter);
    const meschede = [...(townFilter.querySelectorAll("label.option") ?? [])].find((l) =>
      l.textContent?.includes("Meschede"),
    );
    await userEvent.click(meschede?.querySelector("input") as HTMLElement);
    await settled(el);
    await openDetails(el, categoryFilter);
    const firstField = categoryFilter.querySelector<HTMLInputElement>("label.option input");
    const fieldLabel = firstField?.parentElement?.querySelector(".option-label")?.textContent ?? "";
    await userEvent.click(firstField as HTMLElement);
    await settled(el);
    const facets = (await api<JobList>("/v1/jobs?limit=1")).facets;
    const field = facets.category.find((o) => o.label === fieldLabel)?.value;
    const expected = await api<JobList>(`/v1/jobs?town=meschede&category=${field}&limit=50`);
    expect($$(el, "[part~='job-title']").map(titleOf)).toEqual(expected.data.map((j) => j.title));
    expect(countText(el)).toContain(number(expected.total));
    // Both filters show as removable chips; removing one keeps the other.
    const chips = $$(el, "[part~='chips'] button.chip");
    expect(chips).toHaveLength(2);
    await userEvent.click(chips[0] as HTMLElement);
    await settled(el);
    const onlyField = await api<JobList>(`/v1/jobs?category=${field}&limit=50`);
    expect(countText(el)).toContain(number(onlyField.total));
  });

  it("tells the page when the reader changes a filter, and only then", async () => {
    const el = mount(`<hv-jobs api="{api}"></hv-jobs>`);
    const seen: unknown[] = [];
    document.body.addEventListener("hv-filter-change", (e) => seen.push((e as CustomEvent).detail));
    await settled(el);
    el.setAttribute("town", "olsberg");
    await settled(el);
    expect(seen).toEqual([]);
    await userEvent.type($(el, "[part~='search-input']") as HTMLElement, "Koch{Enter}");
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toMatchObject({ q: "Koch", town: ["olsberg"] });
  });

  it("searches as the reader types and announces the new count in a live region", async () => {
    const el = mount(`<hv-jobs api="{api}"></hv-jobs>`);
    await settled(el);
    const count = $(el, "[part~='count']");
    expect(count?.getAttribute("role")).toBe("status");
    expect(count?.getAttribute("aria-live")).toBe("polite");
    await userEvent.type($(el, "[part~='search-input']") as HTMLElement, "Pflege");
    const expected = await api<JobList>("/v1/jobs?q=Pflege&limit=1");
    await expect
      .poll(() => countText(el))
      .toBe(`${number(expected.total)} ${expected.total === 1 ? "Stelle" : "Stellen"}`);
  });

  it("loads more jobs below the first page and moves focus to the first new one", async () => {
    const el = mount(`<hv-jobs api="{api}" page-size="4"></hv-jobs>`);
    await settled(el);
    const all = await api<JobList>("/v1/jobs?limit=8");
    ($(el, "[part~='more-button']") as HTMLButtonElement).click();
    await expect.poll(() => $$(el, "[part~='job-title']").length).toBe(8);
    expect($$(el, "[part~='job-title']").map(titleOf)).toEqual(all.data.map((j) => j.title));
    await expect.poll(() => shadow(el).activeElement === $$(el, "[part~='job-title']")[4]).toBe(true);
    expect(shadow(el).textContent).toContain(`8 von ${number(all.total)} angezeigt`);
  });

  it("mirrors the filters in the URL hash when deep-link is set, and restores them from it", async () => {
    const el = mount(`<hv-jobs api="{api}" deep-link></hv-jobs>`);
    await settled(el);
    await userEvent.type($(el, "[part~='search-input']") as HTMLElement, "Mechaniker{Enter}");
    await expect.poll(() => location.hash).toContain("hv-jobs=q%3DMechaniker");
    const again = mount(`<hv-jobs api="{api}" deep-link></hv-jobs>`);
    await settled(again);
    expect(($(again, "[part~='search-input']") as HTMLInputElement).value).toBe("Mechaniker");
    const expected = await api<JobList>("/v1/jobs?q=Mechaniker&limit=1");
    expect(countText(again)).toContain(number(expected.total));
  });
});

describe("<hv-jobs> states", () => {
  it("shows a skeleton of the page size while loading, and the results take no more room than it did", async () => {
    const el = mount(`<hv-jobs api="{proxy}/slow/600" page-size="5"></hv-jobs><p id="below">below</p>`);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect($$(el, "[part~='job'].skeleton")).toHaveLength(5);
    expect($(el, "[part~='list']")?.getAttribute("aria-busy")).toBe("true");
    const below = document.getElementById("below") as HTMLElement;
    const before = below.getBoundingClientRect().top;
    await settled(el);
    expect($$(el, "[part~='job']:not(.skeleton)")).toHaveLength(5);
    // Within a pixel's rounding: the skeleton reserved exactly the rows that came.
    expect(Math.abs(below.getBoundingClientRect().top - before)).toBeLessThan(0.5);
  });

  it("says so when nothing matches and offers to widen the radius or drop the filters", async () => {
    const el = mount(`<hv-jobs api="{api}" town="hallenberg" q="Kapitän"></hv-jobs>`);
    await settled(el);
    expect(countText(el)).toBe("0 Stellen");
    expect($(el, "[part~='state']")?.textContent).toContain("Keine passenden Stellen gefunden.");
    const buttons = $$(el, "[part~='state'] button");
    expect(buttons.map((b) => b.textContent?.trim())).toEqual([
      "Umkreis auf 10 km erweitern",
      "Alle Stellen der Region zeigen",
    ]);
    await userEvent.click(buttons[1] as HTMLElement);
    await settled(el);
    const all = await api<JobList>("/v1/jobs?limit=1");
    expect(countText(el)).toBe(`${number(all.total)} Stellen`);
  });

  it("shows an error with a retry that works once the API answers again", async () => {
    const el = mount(`<hv-jobs api="{proxy}/fail-once/${crypto.randomUUID()}"></hv-jobs>`);
    await settled(el);
    const alert = $(el, "[role='alert']");
    expect(alert?.textContent).toContain("Die Daten konnten gerade nicht geladen werden.");
    await userEvent.click(alert?.querySelector("button") as HTMLElement);
    await settled(el);
    expect($(el, "[role='alert']")).toBeNull();
    expect($$(el, "[part~='job']:not(.skeleton)").length).toBeGreaterThan(0);
  });

  it("tells the reader when the network is slow, then shows the results", async () => {
    const el = mount(`<hv-jobs api="{proxy}/slow/3500" page-size="3"></hv-jobs>`);
    await expect
      .poll(() => countText(el), { timeout: 4000 })
      .toBe("Das dauert länger als gewohnt – einen Moment noch.");
    await settled(el);
    expect($$(el, "[part~='job']:not(.skeleton)")).toHaveLength(3);
  });
});

describe("<hv-jobs> on an employer's own page", () => {
  it("keeps the employer as a fixed scope that reset does not remove, and widens to the region only by its link", async () => {
    const all = await api<JobList>("/v1/jobs?limit=1");
    const employer = all.facets.employer[0]?.value ?? "";
    const own = await api<JobList>(`/v1/jobs?limit=1&employer=${employer}`);
    const el = mount(`<hv-jobs api="{api}" employer="${employer}" region-link page-size="3"></hv-jobs>`);
    await settled(el);
    expect(countText(el)).toBe(`${number(own.total)} ${own.total === 1 ? "Stelle" : "Stellen"}`);
    // No employer filter to untick, no chip for the scope; the name is not repeated on every job.
    expect($$(el, "[part~='filter'] summary").map((s) => s.textContent?.trim())).toEqual([
      "Ort",
      "Berufsfeld",
      "Anstellungsart",
    ]);
    expect($(el, "[part~='chips']")).toBeNull();
    // A filter, then "reset all filters": back to the employer's jobs, not the region's.
    const town = own.facets.town[0]?.value ?? "";
    await openDetails(el, $$(el, "[part~='filter']")[0] as HTMLElement);
    const box = $$(el, "[part~='filter'] input[type='checkbox']")[0] as HTMLInputElement;
    await userEvent.click(box);
    await settled(el);
    expect(town).not.toBe("");
    await userEvent.click($(el, "[part~='chips'] button.link") as HTMLElement);
    await settled(el);
    expect(countText(el)).toBe(`${number(own.total)} ${own.total === 1 ? "Stelle" : "Stellen"}`);
    // Widening is explicit, and the way back too.
    const region = $(el, "[part~='region-link']") as HTMLButtonElement;
    expect(region.textContent?.trim()).toBe("Alle Stellen der Region");
    await userEvent.click(region);
    await settled(el);
    expect(countText(el)).toBe(`${number(all.total)} Stellen`);
    expect($(el, "[part~='region-link']")?.textContent?.trim()).toBe("Zurück zu unseren Stellen");
    await userEvent.click($(el, "[part~='region-link']") as HTMLElement);
    await settled(el);
    expect(countText(el)).toBe(`${number(own.total)} ${own.total === 1 ? "Stelle" : "Stellen"}`);
    // Without region-link the page offers no way out of its scope.
    const scoped = mount(`<hv-jobs api="{api}" employer="${employer}" page-size="3"></hv-jobs>`);
    await settled(scoped);
    expect($(scoped, "[part~='region-link']")).toBeNull();
  });
});

describe("<hv-jobs> cards people can tell apart", () => {
  it("always shows the town and the posting age; a long employer name is what gets shortened, also at 375 px", async () => {
    const el = mount(`<hv-jobs api="{api}" page-size="50"></hv-jobs>`);
    el.style.width = "343px";
    await settled(el);
    // Some employer names here are longer than a 343 px line: those are cut, never the town or the age.
    const cut = $$(el, "[part~='job-meta'] .employer").filter((e) => e.scrollWidth > e.clientWidth);
    expect(cut.length).toBeGreaterThan(0);
    for (const job of $$(el, "[part~='job']")) {
      const meta = job.querySelector("[part~='job-meta']") as HTMLElement;
      const bounds = meta.getBoundingClientRect();
      for (const shown of [meta.querySelector(".town"), meta.querySelector("time")] as HTMLElement[]) {
        const r = shown.getBoundingClientRect();
        expect(r.width).toBeGreaterThan(0);
        expect(r.right).toBeLessThanOrEqual(bounds.right + 0.5);
        expect(shown.scrollWidth).toBeLessThanOrEqual(shown.clientWidth + 1);
      }
      expect(meta.querySelector(".town")?.textContent?.length).toBeGreaterThan(1);
    }
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
  });

  it("always shows a job's apply link, also on a 320 px phone: badges that do not fit beside it are what is left out", async () => {
    const el = mount(`<hv-jobs api="{api}" page-size="50"></hv-jobs>`);
    el.style.width = "288px";
    await settled(el);
    const withApply = $$(el, "[part~='job']").filter((job) => job.querySelector("[part~='apply-link']"));
    expect(withApply.length, "jobs with an apply link").toBeGreaterThan(0);
    let crowded = 0;
    for (const job of withApply) {
      const card = job.getBoundingClientRect();
      const row = (job.querySelector(".row") as HTMLElement).getBoundingClientRect();
      const link = (job.querySelector("[part~='apply-link']") as HTMLElement).getBoundingClientRect();
      expect(link.width).toBeGreaterThan(0);
      // Inside its row and its card, both of which hide what overflows them.
      for (const box of [row, card]) {
        expect(link.top).toBeGreaterThanOrEqual(box.top - 0.5);
        expect(link.bottom).toBeLessThanOrEqual(box.bottom + 0.5);
        expect(link.right).toBeLessThanOrEqual(box.right + 0.5);
      }
      const badges = job.querySelector(".badges") as HTMLElement;
      if (badges.scrollHeight > badges.clientHeight + 1) crowded++;
      // What shows of the badges shows whole: each visible pill is one line, inside the row.
      const shelf = badges.getBoundingClientRect();
      for (const badge of badges.querySelectorAll<HTMLElement>("[part~='badge']")) {
        const b = badge.getBoundingClientRect();
        if (b.top >= shelf.bottom) continue; // left out: wrapped below what the row shows
        expect(b.bottom).toBeLessThanOrEqual(shelf.bottom + 0.5);
        expect(b.height).toBeLessThan(parseFloat(getComputedStyle(badge).fontSize) * 2);
      }
    }
    // Some of these rows had more badges than room: the case this is about.
    expect(crowded, "rows with more badges than room").toBeGreaterThan(0);
  });

  it("puts its titles at the heading level the host's outline needs", async () => {
    const el = mount(`<hv-jobs api="{api}" page-size="2"></hv-jobs>`);
    await settled(el);
    expect($$(el, "[role='heading']").map((h) => h.getAttribute("aria-level"))).toEqual(["2", "2"]);
    el.setAttribute("heading-level", "4");
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect($$(el, "[role='heading']").map((h) => h.getAttribute("aria-level"))).toEqual(["4", "4"]);
  });

  it("is as tall as its content once loaded: a short result leaves no blank area", async () => {
    const el = mount(`<hv-jobs api="{api}" q="Kapitän" town="hallenberg" page-size="10"></hv-jobs>`);
    await settled(el);
    const empty = el.getBoundingClientRect().height;
    const full = mount(`<hv-jobs api="{api}" page-size="10"></hv-jobs>`);
    await settled(full);
    // Ten rows are far taller than the empty state; the empty state is not the height of ten rows.
    expect(empty).toBeLessThan(full.getBoundingClientRect().height / 2);
    expect(empty).toBeLessThan(360);
  });
});

describe("<hv-jobs> language, theme, keyboard, accessibility", () => {
  it("speaks English with lang=en, labels from the API included", async () => {
    const el = mount(`<hv-jobs api="{api}" lang="en" category="healthcare"></hv-jobs>`);
    await settled(el);
    const expected = await api<JobList>("/v1/jobs?category=healthcare&limit=1", "en");
    expect(countText(el)).toBe(`${new Intl.NumberFormat("en").format(expected.total)} jobs`);
    expect(($(el, "[part~='search-input']") as HTMLInputElement).placeholder).toBe("Job title or keyword");
    expect(shadow(el).textContent).toContain("Healthcare & nursing");
    el.setAttribute("lang", "de");
    await settled(el);
    expect(countText(el)).toContain("Stellen");
    expect(shadow(el).textContent).toContain("Gesundheit & Pflege");
  });

  it("takes its colours, radius and font from custom properties, and a dark scheme on request", async () => {
    const el = mount(`<hv-jobs api="{api}" page-size="2"></hv-jobs>`);
    el.style.setProperty("--hv-color-accent", "rgb(200, 0, 100)");
    el.style.setProperty("--hv-radius", "3px");
    el.style.setProperty("--hv-font-family", "monospace");
    await settled(el);
    const button = $(el, "[part~='search'] button") as HTMLElement;
    expect(getComputedStyle(button).backgroundColor).toBe("rgb(200, 0, 100)");
    expect(getComputedStyle(button).borderRadius).toBe("3px");
    expect(getComputedStyle($(el, "[part~='job']") as HTMLElement).fontFamily).toBe("monospace");
    el.style.removeProperty("--hv-color-accent");
    // Transparent in both schemes: the host's background shows; the text follows the scheme.
    expect(getComputedStyle(el).backgroundColor).toBe("rgba(0, 0, 0, 0)");
    expect(getComputedStyle(el).color).toBe("rgb(27, 36, 32)");
    el.setAttribute("theme", "dark");
    expect(getComputedStyle(el).backgroundColor).toBe("rgba(0, 0, 0, 0)");
    expect(getComputedStyle(el).color).toBe("rgb(233, 240, 236)");
    el.setAttribute("theme", "light");
    expect(getComputedStyle(el).color).toBe("rgb(27, 36, 32)");
  });

  it("inherits the page's font by default and exposes its parts for ::part() styling", async () => {
    const el = mount(`<hv-jobs api="{api}" page-size="2"></hv-jobs>`);
    (el.parentElement as HTMLElement).style.fontFamily = "serif";
    await settled(el);
    expect(getComputedStyle($(el, "[part~='job']") as HTMLElement).fontFamily).toBe("serif");
    for (const part of [
      "base",
      "search",
      "search-input",
      "filters",
      "filter",
      "count",
      "list",
      "job",
      "job-title",
      "job-meta",
      "badge",
      "more-button",
    ]) {
      expect($(el, `[part~='${part}']`), part).not.toBeNull();
    }
  });

  it("works with the keyboard alone: search, open a filter, tick an option, reach the jobs", async () => {
    const el = mount(`<button id="before">before</button><hv-jobs api="{api}" page-size="3"></hv-jobs>`);
    const jobs = document.querySelector("hv-jobs") as HTMLElement;
    await settled(jobs);
    (el as HTMLElement).focus();
    await userEvent.tab();
    expect(shadow(jobs).activeElement).toBe($(jobs, "[part~='search-input']"));
    await userEvent.tab();
    await userEvent.tab();
    const townSummary = $$(jobs, "[part~='filter'] summary")[0];
    expect(shadow(jobs).activeElement).toBe(townSummary);
    await userEvent.keyboard("{Enter}");
    await userEvent.tab();
    await userEvent.keyboard(" ");
    await settled(jobs);
    expect($$(jobs, "[part~='chips'] button.chip")).toHaveLength(1);
    const focusRing = getComputedStyle(shadow(jobs).activeElement as HTMLElement).outlineStyle;
    expect(focusRing).toBe("solid");
  });

  it("has no accessibility violations (axe-core) in its loaded, empty and error states", async () => {
    for (const markup of [
      `<hv-jobs api="{api}" page-size="5"></hv-jobs>`,
      `<hv-jobs api="{api}" q="Kapitän" town="hallenberg"></hv-jobs>`,
      `<hv-jobs api="{proxy}/fail-once/${crypto.randomUUID()}"></hv-jobs>`,
      `<hv-jobs api="{api}" page-size="5" theme="dark" layout="cards"></hv-jobs>`,
      // Accents a host might pick badly: too light for text on our light surface, too dark for the dark one.
      `<hv-jobs api="{api}" page-size="3" employer="all" style="--hv-color-accent: #ffd400"></hv-jobs>`,
      `<hv-jobs api="{api}" page-size="3" style="--hv-color-accent: #9be7ff" layout="cards"></hv-jobs>`,
      `<hv-jobs api="{api}" page-size="3" theme="dark" style="--hv-color-accent: #5a1010"></hv-jobs>`,
    ]) {
      const el = mount(markup);
      await settled(el);
      const results = await axe.run(el.parentElement as HTMLElement, { resultTypes: ["violations"] });
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
        markup,
      ).toEqual([]);
    }
  });
});

describe("<hv-jobs> on a hostile job", () => {
  it("renders markup, script, a right-to-left override and 10,000 characters as inert, contained text", async () => {
    const el = mount(`<hv-jobs api="{api}" town="winterberg" page-size="3"></hv-jobs>`);
    await settled(el);
    const job = $$(el, "[part~='job']").find((j) =>
      j.querySelector("a")?.getAttribute("href")?.endsWith(`/jobs/${HOSTILE_JOB_ID}`),
    );
    expect(job).toBeDefined();
    const title = job?.querySelector("[part~='job-title'] bdi");
    expect(title?.textContent).toContain(`<img src=x onerror="window.__pwned=1">`);
    expect(shadow(el).querySelector("img, script, [onerror]")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    // The javascript: apply link is never rendered; only http(s) and mailto links are.
    for (const a of shadow(el).querySelectorAll("a")) expect(a.href).toMatch(/^(https?|mailto):/);
    expect(job?.querySelector("[part~='apply-link']")).toBeNull();
    // 10,000 characters stay inside the row; the right-to-left override stays inside its <bdi>.
    const box = el.getBoundingClientRect();
    const row = (job as HTMLElement).getBoundingClientRect();
    expect(row.right).toBeLessThanOrEqual(box.right + 1);
    expect(row.height).toBeLessThan(200);
    expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(document.body.getBoundingClientRect().width);
    expect(title?.localName).toBe("bdi");
  });
});

describe("<hv-jobs> registration", () => {
  it("does not throw when its module loads twice or the tag is defined again", async () => {
    // A second copy of the module (another URL), as when a page includes the script twice.
    const secondCopy = "../../widget/src/jobs/define.ts?again";
    await import(/* @vite-ignore */ secondCopy);
    const { defineOnce } = await import("../../widget/src/lib/define.ts");
    await expect(defineOnce("hv-jobs", class extends HTMLElement {})).resolves.toBeUndefined();
    expect(customElements.get("hv-jobs")?.name).toBe("HvJobs");
    expect(API).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
