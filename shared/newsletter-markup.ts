/**
 * The newsletter's text ("Heimatpost"): Markdown as the team writes it in the console (CommonMark,
 * markdown-it, no HTML), read three ways. `markupProblems` finds what may not be in it (links other than
 * https, http, mailto or our own pages; images from anywhere but our own site); `toMailText` gives the
 * plain text of the mail; `toArchiveHtml` the HTML of the public archive page, escaped by markdown-it
 * and with every link and image checked again, so no tracking pixel or script can reach a reader.
 */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

/** A path on our own site ("/heimatpost/bilder/3"), not a protocol-relative "//host" address. */
const OWN_PATH = /^\/(?!\/)/;
const LINK = /^(https?:|mailto:)/i;
const isLinkAllowed = (href: string) => LINK.test(href) || OWN_PATH.test(href);

// Parsing sees every link as written, so a forbidden one is reported rather than silently left as text.
const loose = new MarkdownIt("commonmark", { html: false });
loose.validateLink = () => true;
// Rendering lets only what markupProblems allows become a link; images are checked once more below.
const strict = new MarkdownIt("commonmark", { html: false });
strict.validateLink = isLinkAllowed;

export type MarkupProblem = "newsletter_link" | "newsletter_image";

function* inlineTokens(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    if (token.children) yield* token.children;
  }
}

/** What may not be in a newsletter's text, once each: a link that is not allowed, an image from elsewhere. */
export function markupProblems(text: string): MarkupProblem[] {
  const problems = new Set<MarkupProblem>();
  for (const token of inlineTokens(loose.parse(text, {}))) {
    if (token.type === "link_open" && !isLinkAllowed(token.attrGet("href") ?? "")) problems.add("newsletter_link");
    if (token.type === "image" && !OWN_PATH.test(token.attrGet("src") ?? "")) problems.add("newsletter_image");
  }
  return [...problems];
}

const absolute = (href: string, origin: string) => (OWN_PATH.test(href) ? `${origin}${href}` : href);

/** The inline text of a block: links as "words (address)", images as "[Bild: words]". */
function inlineText(children: readonly Token[], origin: string, imageWord: string): string {
  let out = "";
  const links: string[] = [];
  let linkStart = 0;
  for (const token of children) {
    switch (token.type) {
      case "text":
      case "code_inline":
        out += token.content;
        break;
      // A paragraph stays one line, which every mail client wraps to its width; a hard break is kept.
      case "softbreak":
        out += " ";
        break;
      case "hardbreak":
        out += "\n";
        break;
      case "link_open":
        links.push(absolute(token.attrGet("href") ?? "", origin));
        linkStart = out.length;
        break;
      case "link_close": {
        const href = links.pop() ?? "";
        const words = out.slice(linkStart);
        const bare = href.replace(/^mailto:/i, "");
        out = words === href || words === bare ? out : `${out} (${bare})`;
        break;
      }
      case "image":
        out += `[${imageWord}: ${token.content || token.attrGet("alt") || "…"}]`;
        break;
    }
  }
  return out;
}

/**
 * The plain text of the mail, one string per block: headings underlined (= and -), lists with "–" or
 * their numbers, quotes with "> ", our own links made absolute with `origin`.
 */
export function toMailText(text: string, origin: string, imageWord: string): string[] {
  const blocks: string[] = [];
  const tokens = loose.parse(text, {});
  const lists: { ordered: boolean; n: number }[] = [];
  let quote = 0;
  let pending = "";
  const push = (block: string) => {
    const quoted = quote ? block.replace(/^/gm, "> ".repeat(quote)) : block;
    if (lists.length) pending += (pending ? "\n" : "") + quoted;
    else blocks.push(quoted);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case "heading_open": {
        const words = inlineText(tokens[i + 1]?.children ?? [], origin, imageWord);
        const rule = token.tag === "h1" ? "=" : "-";
        push(`${words}\n${rule.repeat(Math.min(Math.max(words.length, 3), 60))}`);
        i += 2;
        break;
      }
      case "paragraph_open": {
        const words = inlineText(tokens[i + 1]?.children ?? [], origin, imageWord);
        const list = lists.at(-1);
        if (list && token.hidden !== undefined && tokens[i - 1]?.type === "list_item_open") {
          list.n++;
          const mark = list.ordered ? `${list.n}. ` : "– ";
          push(mark + words.replace(/\n/g, `\n${" ".repeat(mark.length)}`));
        } else push(words);
        i += 2;
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open":
        lists.push({ ordered: token.type === "ordered_list_open", n: Number(token.attrGet("start") ?? 1) - 1 });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        if (!lists.length && pending) {
          blocks.push(pending);
          pending = "";
        }
        break;
      case "blockquote_open":
        quote++;
        break;
      case "blockquote_close":
        quote--;
        break;
      case "fence":
      case "code_block":
        push(token.content.replace(/\n$/, ""));
        break;
      case "hr":
        push("――――――――――");
        break;
    }
  }
  return blocks.filter((b) => b.trim() !== "");
}

/**
 * The archive page's HTML of the text: the text's top heading level becomes h2 under the page's own h1
 * (the subject), whether the writer began with # or ##, so the outline skips no level; our own images only,
 * lazily loaded. Call it on text that markupProblems passed; what slips by is dropped.
 */
export function toArchiveHtml(text: string): string {
  const tokens = strict.parse(text, {});
  const level = (tag: string) => Number(tag.slice(1));
  const top = Math.min(7, ...tokens.filter((t) => t.type === "heading_open").map((t) => level(t.tag)));
  for (const token of tokens) {
    if (token.type === "heading_open" || token.type === "heading_close")
      token.tag = `h${Math.min(level(token.tag) - top + 2, 4)}`;
    for (const child of token.children ?? []) {
      if (child.type !== "image") continue;
      if (!OWN_PATH.test(child.attrGet("src") ?? "")) {
        child.type = "text";
        child.content = "";
      } else child.attrSet("loading", "lazy");
    }
  }
  return strict.renderer.render(tokens, strict.options, {});
}
