/**
 * A feed's description HTML reduced to what a job text needs: paragraphs, lists, line breaks, emphasis,
 * small headings and plain links. It is read with HTMLRewriter (workerd's own HTML parser, never regex) and
 * the output is written by us from the allowed tag names and escaped text, so nothing a feed sends (script,
 * style, event handlers, images, iframes, `javascript:` links, broken markup) can come out as markup.
 */
import { decodeHTML } from "entities";

const ALLOWED = new Set(["p", "ul", "ol", "li", "br", "strong", "em", "h3", "h4", "a"]);
// Other names for the allowed ones: <b> is <strong>, <h1>/<h2> become <h3> (the page has its own <h1>).
const RENAMED: Record<string, string> = { b: "strong", i: "em", h1: "h3", h2: "h3", h5: "h4", h6: "h4" };
// Dropped with everything in them: they hold code, styling or embedded things, never job text.
const DROPPED =
  "script, style, template, noscript, iframe, object, embed, svg, math, head, title, textarea, select, button, form, canvas, video, audio, picture, img, xmp, plaintext, noembed, noframes";
// Elements whose end is a line break in the plain text.
const BLOCK = new Set(["p", "li", "h3", "h4", "div", "section", "article", "tr", "ul", "ol", "table", "blockquote"]);
// Elements that never have content or an end tag.
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
const MAX_LINKS = 20;

/**
 * Registers `handler` for the element's end tag; false when it has none. Void elements have none, and
 * neither has a self-closing foreign one (`<svg/>`), for which workerd throws "No end tag".
 */
function onEnd(el: Element, handler: () => void): boolean {
  if (VOID.has(el.tagName.toLowerCase())) return false;
  try {
    el.onEndTag(handler);
    return true;
  } catch {
    return false;
  }
}
const MAX_INPUT = 200_000;

export interface Sanitised {
  html: string;
  text: string;
}

/** Text made safe to hand to the sanitiser or to write into HTML. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : "&gt;"));
}

function safeHref(raw: string | null): string | null {
  if (!raw) return null;
  const href = decodeHTML(raw).trim();
  if (href.length > 2000) return null;
  try {
    const url = new URL(href);
    if (url.protocol === "https:" || url.protocol === "http:" || url.protocol === "mailto:") return url.href;
  } catch {
    // Relative or broken: a link that works only on the feed's own site is no link here.
  }
  return null;
}

/** `html` with only the allow-list left, and the same text without markup (for search and summaries). */
export async function sanitiseHtml(input: string): Promise<Sanitised> {
  const out: string[] = [];
  const text: string[] = [];
  // The allowed elements open in `out`, innermost last, so the output always closes what it opens.
  const open: string[] = [];
  let dropped = 0;
  let links = 0;

  // Text comes in chunks that may split an entity; it is written out whole before the next tag.
  let pending = "";
  const flush = () => {
    if (pending === "") return;
    // Source text: entities still written as entities. Decoded once and escaped again, so `&lt;script&gt;`
    // stays text and a bare `<` becomes `&lt;`.
    const decoded = decodeHTML(pending);
    pending = "";
    out.push(escapeText(decoded));
    text.push(decoded);
  };
  const close = (tag: string) => {
    const at = open.lastIndexOf(tag);
    if (at < 0) return;
    while (open.length > at) out.push(`</${open.pop()}>`);
  };

  const rewriter = new HTMLRewriter()
    .on(DROPPED, {
      element(el) {
        flush();
        const ends = onEnd(el, () => {
          pending = "";
          dropped--;
        });
        if (ends) dropped++;
      },
    })
    .on("*", {
      element(el) {
        flush();
        if (dropped > 0) return;
        const name = el.tagName.toLowerCase();
        const tag = RENAMED[name] ?? name;
        if (BLOCK.has(name)) text.push("\n");
        if (name === "br") {
          out.push("<br>");
          text.push("\n");
          return;
        }
        if (!ALLOWED.has(tag)) {
          // A <div> or <tr> the allow-list drops still ended a line: its text does not run into the next.
          if (BLOCK.has(name))
            onEnd(el, () => {
              flush();
              text.push("\n\n");
              if (!/^(<br>|<\/(p|li|ul|ol|h3|h4)>)$/.test(out.at(-1) ?? "<br>")) out.push("<br>");
            });
          return;
        }
        if (VOID.has(name)) return;
        if (tag === "p" || tag === "li" || tag === "h3" || tag === "h4") {
          // A block does not sit in a paragraph: an open <p> ends where the next block starts.
          if (tag !== "li") close("p");
        }
        if (tag === "a") {
          const href = links < MAX_LINKS ? safeHref(el.getAttribute("href")) : null;
          if (!href) return;
          links++;
          out.push(`<a href="${escapeText(href).replaceAll('"', "&quot;")}" rel="nofollow noopener">`);
        } else {
          out.push(`<${tag}>`);
        }
        open.push(tag);
        // Without an end tag of its own, what is open is closed at the next block or at the end.
        onEnd(el, () => {
          flush();
          close(tag);
          // Blocks end with a blank line (a paragraph break); list items only start a line.
          if (BLOCK.has(name) && name !== "li") text.push("\n\n");
        });
      },
    })
    .onDocument({
      text(chunk) {
        if (dropped === 0) pending += chunk.text;
      },
      comments(comment) {
        comment.remove();
      },
    });

  await rewriter.transform(new Response(input.slice(0, MAX_INPUT))).arrayBuffer();
  flush();
  while (open.length > 0) out.push(`</${open.pop()}>`);

  const html = out
    .join("")
    .replace(/(?:<br>\s*)+(<\/(?:p|li|h3|h4)>)/g, "$1")
    .replace(/<(p|li|h3|h4|strong|em)>\s*<\/\1>/g, "")
    .trim();
  return { html, text: plainText(text.join("")) };
}

/** Whitespace as a reader expects it: single spaces in lines, at most one empty line between paragraphs. */
export function plainText(s: string): string {
  return s
    .replace(/\u00a0/g, " ")
    .replace(/[ \t\r\f\v]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Text that arrives HTML-escaped (Greenhouse's `content`): decoded once, then sanitised like any HTML. */
export function sanitiseEscapedHtml(input: string): Promise<Sanitised> {
  return sanitiseHtml(decodeHTML(input));
}
