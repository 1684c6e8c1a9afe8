/** Runs tasks with at most `width` in flight: sources answer 403 or 429 to bursts. */
export async function inParallel(tasks: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, tasks.length) }, async () => {
      while (next < tasks.length) await tasks[next++]?.();
    }),
  );
}
