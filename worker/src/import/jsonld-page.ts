/**
 * A career page with schema.org JobPosting JSON-LD (job-sources.md §4), read with HTMLRewriter. When the
 * page itself has no JobPosting, its links on the same host are followed (at most MAX_PAGES per run) and
 * each job page's JSON-LD is read. A job page that fails to answer means the run is incomplete: nothing is
 * closed for missing from it.
 */
import type { Text } from "../../../shared/i18n.ts";
import type { JobAdapter } from "./adapter.ts";
import { sourceUrl } from "./adapter.ts";
import { type Posting, toSourceJobs } from "./feed-job.ts";
import { fetchSource, SourceFailure } from "./fetch-source.ts";
import { findJobPostings, parseLenient, postingFromLd } from "./job-posting-ld.ts";
import { inParallel } from "./parallel.ts";

const MAX_PAGES = 200;
const PARALLEL = 4;
const ACCEPT = "text/html, application/xhtml+xml";

interface PageRead {
  blocks: string[];
  links: string[];
}

/** The page's JSON-LD blocks and the links it holds. */
async function readPage(html: string): Promise<PageRead> {
  const blocks: string[] = [];
  const links: string[] = [];
  let block: string | null = null;
  await new HTMLRewriter()
    .on('script[type="application/ld+json" i]', {
      element(el) {
        block = "";
        el.onEndTag(() => {
          if (block !== null) blocks.push(block);
          block = null;
        });
      },
      text(chunk) {
        if (block !== null) block += chunk.text;
      },
    })
    .on("a[href]", {
      element(el) {
        const href = el.getAttribute("href");
        if (href) links.push(href);
      },
    })
    .transform(new Response(html))
    .arrayBuffer();
  return { blocks, links };
}

function postingsOf(page: PageRead, url: string): Posting[] {
  const lds = page.blocks.flatMap((b) => findJobPostings(parseLenient(b)));
  // A posting with neither identifier nor URL is known by its page, and by its title where a page has
  // several: one page's postings must not collapse into one.
  return lds.map((ld) =>
    postingFromLd(
      ld,
      lds.length > 1 ? `${url}#${typeof ld.title === "string" ? ld.title.slice(0, 100) : ""}` : url,
      url,
    ),
  );
}

export const jsonldPage: JobAdapter = {
  target: "jobs",
  async read(ctx) {
    const start = sourceUrl(ctx);
    const list = await readPage(await fetchSource(start, { accept: ACCEPT }));
    const postings = postingsOf(list, start);
    let complete = true;
    const notes: Text[] = [];
    if (postings.length === 0) {
      const origin = new URL(start).origin;
      const pages = [
        ...new Set(
          list.links.flatMap((href) => {
            try {
              const url = new URL(href, start);
              url.hash = "";
              return url.origin === origin && url.href !== start && /^https?:$/.test(url.protocol) ? [url.href] : [];
            } catch {
              return [];
            }
          }),
        ),
      ];
      if (pages.length > MAX_PAGES) {
        // The jobs behind the links not read are not gone: nothing is closed this run.
        complete = false;
        notes.push({
          de: `Die Karriereseite verlinkt ${pages.length} Seiten; ${MAX_PAGES} wurden gelesen, darum wurde keine Stelle beendet`,
          en: `The career page links ${pages.length} pages; ${MAX_PAGES} were read, so no job was closed`,
        });
      }
      await inParallel(
        pages.slice(0, MAX_PAGES).map((url) => async () => {
          try {
            const page = await readPage(await fetchSource(url, { accept: ACCEPT }));
            postings.push(...postingsOf(page, url));
          } catch (error) {
            if (!(error instanceof SourceFailure)) throw error;
            // A page that is gone (404, 410) is no job any more; one that failed otherwise might be one.
            if (error.status !== 404 && error.status !== 410) complete = false;
          }
        }),
        PARALLEL,
      );
      if (!complete)
        notes.push({
          de: "Manche Stellenseiten antworteten nicht; darum wurde keine Stelle beendet",
          en: "Some job pages did not answer, so no job was closed",
        });
    }
    return { jobs: await toSourceJobs(ctx, postings), complete, notes };
  },
};
