import { html } from 'lit';

/** Stands for the user's text while the sentence around it is worded; no translation uses it. */
const SLOT = '\uE000';

/**
 * A sentence around someone's text ("Ali opened the ticket"), the text in a `<bdi>`: a name that
 * is right-to-left, or that holds a direction override, never reorders the words around it.
 */
export function isolated(words: (text: string) => string, userText: string) {
  const [before = '', after = ''] = words(SLOT).split(SLOT);
  return html`${before}<bdi>${userText}</bdi>${after}`;
}
