/** The console frame's layout: a top bar that wraps on a tablet, the view at a readable width. */
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
`;
