/**
 * Awaits `work`; if it is still running after `slowAfterMs`, calls `onSlow` once (e.g. to post
 * "Looking into it…"). The note is sent before the result is returned, so a caller replacing
 * the note never races it. A failing note is ignored: it is a courtesy, the answer is what counts.
 */
export async function withProgress<T>(
  work: Promise<T>,
  slowAfterMs: number,
  onSlow: () => Promise<unknown>,
): Promise<{ result: T; wasSlow: boolean }> {
  let note: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    note = onSlow().catch(() => undefined);
  }, slowAfterMs);
  try {
    const result = await work;
    return { result, wasSlow: note !== undefined };
  } finally {
    clearTimeout(timer);
    if (note) await note;
  }
}
