import { css } from "lit";
import { theme } from "../lib/theme.ts";

export const styles = [
  theme,
  css`
    /* Rows have a fixed height (in em, so they follow the font) that the skeleton shares: nothing jumps. */
    :host {
      --_row: 7.4em;
    }
    :host([layout="compact"]) {
      --_row: 3.6em;
    }
    :host([layout="cards"]) {
      --_row: 9.4em;
    }
    /* One column that never grows past the element: a search box's intrinsic width must not widen it. */
    .base {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75rem;
    }
    .search {
      display: flex;
      gap: 0.5rem;
    }
    .search input {
      flex: 1;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: start;
    }
    .filter {
      border: 1px solid var(--_control);
      border-radius: var(--_radius);
      background: var(--_surface);
      max-width: 100%;
    }
    .filter summary {
      padding: 0.4em 0.8em;
      cursor: pointer;
      list-style: none;
    }
    .filter summary::-webkit-details-marker {
      display: none;
    }
    /* A chevron that turns when the filter opens, instead of the browser's play-button triangle. */
    .filter summary::after {
      content: "";
      display: inline-block;
      width: 0.45em;
      height: 0.45em;
      margin-inline-start: 0.55em;
      border-right: 2px solid currentColor;
      border-bottom: 2px solid currentColor;
      transform: translateY(-0.2em) rotate(45deg);
    }
    .filter[open] summary::after {
      transform: translateY(0.05em) rotate(-135deg);
    }
    .filter fieldset {
      border: 0;
      margin: 0;
      padding: 0 0.8em 0.6em;
      max-height: 16rem;
      overflow: auto;
    }
    .option {
      display: flex;
      gap: 0.4em;
      align-items: baseline;
      padding-block: 0.15em;
    }
    .radius {
      display: block;
      padding: 0 0.8em 0.6em;
    }
    .pill {
      display: inline-block;
      min-width: 1.4em;
      padding: 0 0.35em;
      border-radius: 1em;
      background: var(--_accent);
      color: var(--_on-accent);
      font-size: 0.85em;
      text-align: center;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .chip {
      padding: 0.2em 0.7em;
      border-radius: 1em;
    }
    button.link {
      background: none;
      border: 0;
      color: var(--_link);
      text-decoration: underline;
      padding: 0.2em;
    }
    .count,
    .state p {
      margin: 0;
    }
    .state {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
    }
    .hints {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_gap);
      align-content: start;
    }
    .results {
      display: grid;
      gap: 0.75rem;
      align-content: start;
      /* While loading: exactly the rows expected (no gap after the last), so the answer moves nothing. */
      min-height: calc(var(--_rows, 0) * (var(--_row) + var(--_gap)) - min(var(--_rows, 0), 1) * var(--_gap));
    }
    .scope button.link {
      padding-inline: 0;
    }
    .scope {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: baseline;
    }
    .job {
      height: var(--_row);
      overflow: hidden;
      padding: 0.7em 1em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      display: grid;
      align-content: start;
      gap: 0.2rem;
    }
    .title {
      margin: 0;
      font-weight: 700;
      font-size: 1.05em;
      line-height: 1.3;
      overflow-wrap: anywhere;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
    }
    /* Town and age always show in full; a long employer name is what gets shortened. */
    .meta {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9em;
      display: flex;
      gap: 0.35em;
      white-space: nowrap;
      min-width: 0;
    }
    .meta .town {
      color: var(--_text);
      font-weight: 600;
    }
    .meta .town,
    .meta time {
      flex: none;
    }
    .meta .employer {
      flex: 0 1 auto;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    /* One line: the apply link always shows; badges that do not fit beside it are what gets left out. */
    .row {
      display: flex;
      gap: 0.3rem 1rem;
      align-items: center;
      max-height: 1.7em;
      overflow: hidden;
    }
    :host([layout="cards"]) .row {
      max-height: none;
      display: grid;
      justify-items: start;
    }
    .badges {
      margin: 0;
      flex: 0 1 auto;
      min-width: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
      max-height: 1.6em;
      overflow: hidden;
    }
    /* A badge is never broken over two lines inside its pill: at worst, in a very narrow card, shortened. */
    .badge {
      white-space: nowrap;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      font-size: 0.8em;
      padding: 0.05em 0.55em;
      border-radius: 1em;
      border: 1px solid var(--_control);
    }
    .apply {
      flex: none;
      font-size: 0.9em;
      justify-self: start;
    }
    :host([layout="compact"]) .job {
      padding: 0.5rem 0.75rem;
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: center;
    }
    :host([layout="compact"]) .title {
      -webkit-line-clamp: 1;
      font-size: 1em;
    }
    :host([layout="compact"]) .meta {
      grid-column: 1;
    }
    :host([layout="compact"]) .row {
      display: none;
    }
    :host([layout="cards"]) .list {
      grid-template-columns: repeat(var(--_cols, 1), minmax(0, 1fr));
    }
    :host([layout="cards"]) .results {
      min-height: calc(
        round(up, var(--_rows, 0) / var(--_cols, 1), 1) * (var(--_row) + var(--_gap)) - min(var(--_rows, 0), 1) *
        var(--_gap)
      );
    }
    @container (min-width: 36rem) {
      .results {
        --_cols: 2;
      }
    }
    @container (min-width: 56rem) {
      .results {
        --_cols: 3;
      }
    }
    .skeleton .w70 {
      width: 70%;
      height: 1.1em;
    }
    .skeleton .w40 {
      width: 40%;
    }
    .skeleton .w25 {
      width: 25%;
    }
    .more {
      min-height: 2.6rem;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
      margin: 0;
    }
    button[disabled] {
      opacity: 0.6;
      cursor: progress;
    }
  `,
];
