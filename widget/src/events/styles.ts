import { css } from "lit";
import { theme } from "../lib/theme.ts";

export const styles = [
  theme,
  css`
    /* One column that never grows past the element: a search box's intrinsic width must not widen it. */
    .base {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75rem;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: end;
    }
    .filters label {
      display: grid;
      gap: 0.2rem;
      font-size: 0.9em;
    }
    .views {
      display: flex;
      gap: 0.25rem;
    }
    .month-nav {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .month-title {
      margin: 0;
      font-weight: 700;
      font-size: 1.1em;
      min-width: 10em;
      text-align: center;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.5rem;
      align-items: baseline;
    }
    .count,
    .state {
      margin: 0;
    }
    .state {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
    }
    .month {
      display: none;
      width: 100%;
      border-collapse: collapse;
      table-layout: fixed;
    }
    /* The grid needs room; narrow screens get the list alone. */
    @container (min-width: 40rem) {
      .month {
        display: table;
      }
    }
    .month th {
      font-weight: normal;
      color: var(--_muted);
      font-size: 0.85em;
      padding-bottom: 0.25rem;
    }
    .month abbr {
      text-decoration: none;
    }
    .month td {
      vertical-align: top;
      height: 5.5rem;
      border: 1px solid var(--_border);
      padding: 0.2rem;
      font-size: 0.8em;
      overflow: hidden;
    }
    .month td.today {
      outline: 2px solid var(--_link);
      outline-offset: -2px;
    }
    .month td.today .day-number {
      color: var(--_text);
      font-weight: 700;
    }
    .month td.has-events {
      background: var(--_surface);
    }
    .month td.outside {
      border: 0;
    }
    .day-number {
      display: block;
      color: var(--_muted);
    }
    /* An entry wraps to two lines at most; its full title is in the tooltip and in the details below. */
    .day-event,
    .day-more {
      display: block;
      width: 100%;
      margin-top: 0.15rem;
      padding: 0.1em 0.3em;
      border: 0;
      border-radius: 0.25rem;
      background: transparent;
      color: var(--_text);
      text-align: start;
      line-height: 1.25;
    }
    .day-event {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
      overflow-wrap: anywhere;
      border-inline-start: 3px solid var(--_link);
    }
    .day-event:hover,
    .day-more:hover {
      background: var(--_field);
    }
    .day-event time {
      font-weight: 700;
    }
    .day-more {
      color: var(--_link);
      text-decoration: underline;
    }
    .selection {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      align-items: baseline;
    }
    .selection-title {
      margin: 0;
      font-weight: 700;
    }
    button.link {
      background: none;
      border: 0;
      color: var(--_link);
      text-decoration: underline;
      padding: 0;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_gap);
    }
    .event {
      align-content: start;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      display: grid;
      gap: 0.25rem;
      overflow-wrap: anywhere;
    }
    .event p,
    .event h3 {
      margin: 0;
    }
    .title {
      font-weight: 700;
      font-size: 1.05em;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
    }

    .kind {
      font-size: 0.8em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--_muted);
    }
    .when {
      font-weight: 600;
    }
    /* Said in words first; the struck-through date only repeats it for the eye. */
    .cancelled-mark {
      font-weight: 700;
      color: var(--_text);
    }
    .cancelled .when,
    .cancelled .title {
      text-decoration: line-through;
    }
    .nowrap {
      white-space: nowrap;
    }
    .where,
    .description {
      color: var(--_muted);
    }
    /* Clamped to whole lines; "more" (shown only when there is more) opens it. */
    .description {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
      overflow: hidden;
    }
    .event.open .description {
      display: block;
    }
    .description-toggle {
      display: none;
      justify-self: start;
    }
    .event[data-long] .description-toggle {
      display: inline;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
      margin-top: 0.25rem;
    }
    /* "Add to calendar" and "subscribe": a disclosure with its choices, in the flow (no popup to clip). */
    details.add,
    details.subscribe {
      max-width: 100%;
    }
    details.add summary,
    details.subscribe summary {
      cursor: pointer;
      display: inline-block;
      padding: 0.35em 0.9em;
      border-radius: var(--_radius);
      border: 1px solid var(--_accent);
    }
    details.add summary {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    details.subscribe summary {
      color: var(--_link);
      border-color: var(--_link);
    }
    .menu {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      padding-top: 0.5rem;
    }
    .feed {
      display: grid;
      gap: 0.2rem;
      flex: 1 1 18rem;
      font-size: 0.9em;
    }
    .feed-url {
      width: 100%;
    }

    /* A skeleton is as tall as a typical event (shared/embed.ts reserves the same), so little moves. */
    .event.skeleton {
      height: 17.25em;
    }
    @container (min-width: 40rem) {
      .event.skeleton {
        height: 13.9em;
      }
    }
    .skeleton .w30 {
      width: 30%;
    }
    .skeleton .w50 {
      width: 50%;
    }
    .skeleton .w70 {
      width: 70%;
    }
    .skeleton .w90 {
      width: 90%;
    }
    .more {
      margin: 0;
    }
  `,
];
