/**
 * A chunk of the widget imported the first time something needs it (the returned function may
 * be called on every render); a failed download is tried again on the next call.
 */
export function onDemand(load: () => Promise<unknown>): () => void {
  let chunk: Promise<unknown> | null = null;
  return () => void (chunk ??= load().catch(() => (chunk = null)));
}
