import { html, nothing } from 'lit';

export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'«»]+/giu;
// Punctuation that ends a sentence rather than a URL (Latin and Persian).
const TRAILING = /[.,;:!?'"»)\]}،؛؟]+$/u;

/** Splits text into plain runs and http(s) links; anything else stays text. */
export function linkify(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    let candidate = match[0];
    const trailing = TRAILING.exec(candidate)?.[0] ?? '';
    candidate = candidate.slice(0, candidate.length - trailing.length);
    // Keep a closing parenthesis that belongs to the URL, e.g. a Wikipedia link.
    if (trailing.startsWith(')') && candidate.includes('(')) candidate += ')';
    const href = safeHref(candidate);
    if (!href) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A message body: line breaks kept by CSS (`white-space: pre-wrap`), URLs as safe links,
 * everything else bound as text, so nothing in a ticket is ever parsed as HTML.
 */
export function messageBody(text: string) {
  return html`<div class="body" dir="auto">${linkify(text).map((segment) =>
    segment.kind === 'link'
      ? html`<a href=${segment.href} rel="noopener noreferrer" target="_blank">${segment.text}</a>`
      : segment.text,
  )}${nothing}</div>`;
}
