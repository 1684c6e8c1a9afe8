/** The console frame's layout: a top bar that wraps on a tablet (its views a row to swipe on a phone), the view at a readable width. */
import { css } from "lit";

export const frame = css`
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    padding: 0.75rem 1.25rem;
    border-bottom: 1px solid var(--line);
    background: var(--soft);
  }
  nav { display: flex; flex-wrap: wrap; gap: 0.25rem; flex: 1 1 auto; }
  nav a { padding: 0.4rem 0.7rem; border-radius: 0.35rem; text-decoration: none; font-weight: 600; }
  nav a[aria-current="page"] { background: var(--accent); color: var(--accent-text); }
  .who { color: var(--muted); }
  form { margin: 0; }
  .account { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  main { max-width: 72rem; margin: 0 auto; padding: 1.25rem; outline: none; }
  @media (max-width: 40rem) {
    /* On a phone the views are one row to swipe through, not four rows above every view. */
    header { padding: 0.5rem 1rem; gap: 0.25rem 1rem; }
    nav { flex-wrap: nowrap; overflow-x: auto; flex-basis: 100%; margin: 0 -1rem; padding: 0 1rem 0.25rem; }
    nav a { flex: none; }
    .account { gap: 0.25rem 0.5rem; }
  }
`;
