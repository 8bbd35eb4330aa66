/**
 * Awaits `work`; if it is still running after `slowAfterMs`, calls `onSlow` once (e.g. to post
 * "Looking into it…"). The note is sent before the result is returned, so a caller replacing
 * the note never races it.
 */
export async function withProgress<T>(
  work: Promise<T>,
  slowAfterMs: number,
  onSlow: () => Promise<unknown>,
): Promise<{ result: T; wasSlow: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  let note: Promise<unknown> | undefined;
  const slow = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, slowAfterMs);
  });
  const first = await Promise.race([work.then(() => "done" as const), slow.then(() => "slow" as const)]);
  clearTimeout(timer);
  if (first === "slow") note = onSlow().catch(() => undefined);
  const result = await work;
  if (note) await note;
  return { result, wasSlow: note !== undefined };
}
