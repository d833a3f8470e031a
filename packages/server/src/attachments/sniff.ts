/** How much of a file's beginning the sniffing reads (what `file-type` needs for every type it knows). */
export const SNIFF_BYTES = 4100;

/**
 * A file's type judged from its first bytes, never from its name or the type the uploader
 * declared: a known binary format by its signature (`file-type`), else `text/plain` for UTF-8
 * text without NUL (logs), else `application/octet-stream`. HTML and SVG have no signature it
 * trusts: they come out as text or XML, which are only ever served as downloads.
 */
export async function sniffContentType(head: Uint8Array): Promise<string> {
  // Loaded on the first upload, not at start-up: most processes start to answer, not to sniff.
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(head);
  if (found) return found.mime;
  return looksLikeText(head) ? 'text/plain' : 'application/octet-stream';
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    // `stream: true`: a character cut at the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The first `SNIFF_BYTES` of what passes through `source`, kept as it streams on untouched. */
export function headTap(source: AsyncIterable<Uint8Array>): { stream: AsyncGenerator<Uint8Array>; head(): Uint8Array } {
  const head = new Uint8Array(SNIFF_BYTES);
  let filled = 0;
  async function* stream() {
    for await (const chunk of source) {
      if (filled < SNIFF_BYTES) {
        const take = Math.min(SNIFF_BYTES - filled, chunk.byteLength);
        head.set(chunk.subarray(0, take), filled);
        filled += take;
      }
      yield chunk;
    }
  }
  return { stream: stream(), head: () => head.subarray(0, filled) };
}
