// How text is searched: one form for what is indexed and what is asked, so a Persian word
// typed with an Arabic keyboard (ي, ك), with or without its zero-width non-joiner, or with
// Persian digits finds the same text. The database applies the same mapping when it indexes
// (see the server's search migration); `SEARCH_FOLDS` is the single list both follow.

/** Characters read as another (or as nothing) when searching. */
export const SEARCH_FOLDS: ReadonlyArray<readonly [from: string, to: string]> = [
  ['\u064A', '\u06CC'], // Arabic yeh → Persian yeh
  ['\u0649', '\u06CC'], // alef maksura → Persian yeh
  ['\u0643', '\u06A9'], // Arabic kaf → Persian keheh
  ['\u0629', '\u0647'], // teh marbuta → heh
  ['\u200C', ''], // zero-width non-joiner: "می‌شود" and "میشود" are one word
  ['\u0640', ''], // tatweel (kashida), a stretch of the line
  ...[...'۰۱۲۳۴۵۶۷۸۹'].map((digit, i) => [digit, String(i)] as const),
  ...[...'٠١٢٣٤٥٦٧٨٩'].map((digit, i) => [digit, String(i)] as const),
];

const FOLD = new Map(SEARCH_FOLDS);
// Every character folded is one UTF-16 unit, so a class of them never splits a surrogate pair.
const FOLDED = new RegExp(`[${SEARCH_FOLDS.map(([from]) => from).join('')}]`, 'g');

/**
 * The form text is indexed and searched in. One scan that leaves text without such characters
 * as it is: a search folds each text it ranks, up to hundreds a call.
 */
export const searchForm = (text: string): string => text.replace(FOLDED, (c) => FOLD.get(c)!);

/** The index finds runs of three characters: shorter words cannot be looked up in it. */
export const SEARCH_MIN_TERM_LENGTH = 3;

/** The words of a search, in search form; those too short for the index are left out. */
export function searchTerms(query: string): string[] {
  return searchForm(query)
    .split(/\s+/u)
    .filter((term) => [...term].length >= SEARCH_MIN_TERM_LENGTH);
}

/** A stretch of text to show for a match, and where in it the search's words stand. */
export interface SearchExcerpt {
  text: string;
  /** [start, end) offsets into `text`, in order, not overlapping. */
  ranges: Array<[number, number]>;
}

/**
 * Up to `width` characters of `text` around the first match of any term, with every match in
 * that stretch marked; null when no term occurs (the index matched on something the text
 * no longer shows). Case and the search folds aside, as the index compares.
 */
export function searchExcerpt(text: string, query: string, width = 160): SearchExcerpt | null {
  const terms = searchTerms(query).map((term) => term.toLowerCase());
  if (terms.length === 0) return null;
  // Fold character by character, remembering where each folded character came from.
  const origin: number[] = [];
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const mapped = (FOLD.get(text[i]!) ?? text[i]!).toLowerCase();
    for (let k = 0; k < mapped.length; k++) origin.push(i);
    folded += mapped;
  }
  origin.push(text.length);
  const found: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      found.push([origin[at]!, origin[at + term.length]!]);
    }
  }
  if (found.length === 0) return null;
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const first = found[0]![0];
  const start = text.length <= width ? 0 : Math.max(0, Math.min(first - Math.floor(width / 4), text.length - width));
  const end = Math.min(text.length, start + width);
  const ranges: Array<[number, number]> = [];
  for (const [from, to] of found) {
    if (from < start || to > end) continue;
    const last = ranges.at(-1);
    if (last && from - start <= last[1]) last[1] = Math.max(last[1], to - start);
    else ranges.push([from - start, to - start]);
  }
  return { text: text.slice(start, end), ranges };
}

/**
 * How much a text is about the search's terms: BM25's term weighting (k1 = 1.2, b = 0.75) over
 * the texts a search ranks, higher first. The terms' rarity is left out: every ranked text
 * holds every term, so it would weigh them all alike. Computed here rather than by the index,
 * whose `bm25()` counts every text holding a term on each query, however many there are.
 */
export function searchScore(text: string, terms: readonly string[], averageLength: number): number {
  const body = searchForm(text).toLowerCase();
  const lengthFactor = 1 - 0.75 + (0.75 * body.length) / Math.max(averageLength, 1);
  let score = 0;
  for (const term of terms) {
    const wanted = term.toLowerCase();
    let count = 0;
    for (let at = body.indexOf(wanted); at !== -1; at = body.indexOf(wanted, at + wanted.length)) count++;
    score += (count * 2.2) / (count + 1.2 * lengthFactor);
  }
  return score;
}
