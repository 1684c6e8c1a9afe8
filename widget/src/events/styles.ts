import { css } from "lit";
import { theme } from "../lib/theme.ts";

export const styles = [
  theme,
  css`
    .base {
      display: grid;
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
      height: 4.5rem;
      border: 1px solid var(--_border);
      padding: 0.2rem;
      font-size: 0.8em;
      overflow: hidden;
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
    .day-event {
      display: block;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_gap);
    }
    /* Every event (and its skeleton) has the same height, so the list never grows once it has appeared. */
    .event {
      height: 13em;
      overflow: hidden;
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
      font-size: 1.05em;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
    }
    .where {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
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
    .where,
    .description {
      color: var(--_muted);
    }
    .description {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
      margin-top: 0.25rem;
    }
    a.button {
      display: inline-block;
      padding: 0.35em 0.9em;
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--_on-accent);
      text-decoration: none;
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
