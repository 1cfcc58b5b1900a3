/**
 * Words and phrases found in a text the way a reader finds them: case, accents and ß folded; a word
 * of three letters or more matches the words it starts, with at most `maxSuffix` letters more where
 * an index sets it ("Lawrow" finds "Lawrows", "Genf" "Genfer", "Außenminister" not
 * "Außenministerium"), a shorter one only itself ("US" is not "USA"). Each word of the text belongs to one phrase at
 * most, the longest that starts there: "das Treffen in Genf" is the meeting, not also the place.
 * What matched is given back in the text's own words ("US-Außenminister", "Lawrows"). An
 * abbreviation with dots is one word ("U.S." is "us"), and "USA" reads as "US": "U.S. reply",
 * "US-Antwort" and "Antwort der USA" name the same country.
 */

/** A text's words, folded, with where each stands in the text. */
export interface Tokens {
  text: string;
  words: string[];
  starts: number[];
  ends: number[];
}

/** A word, or capitals each with a dot ("U.S.", "U.N."), read as one word without its dots. */
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+/gu;
/** Words that are another word's long form, read as it. */
const SAME_AS: ReadonlyMap<string, string> = new Map([['usa', 'us']]);
const ASCII = /^[\x20-\x7e]*$/;

/** Lower case, without accents, ß as ss. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  return ASCII.test(lower) ? lower : lower.replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
}

/** Words folded before, with what they fold to: a live blog's entries share most of their words. */
const folded = new Map<string, string>();
const FOLDED_KEPT = 4096;

/** A word as the index reads it: dots out, folded, its long form as the short one. */
function readWord(raw: string): string {
  let word = folded.get(raw);
  if (word === undefined) {
    const plain = fold(raw.includes('.') ? raw.replaceAll('.', '') : raw);
    word = SAME_AS.get(plain) ?? plain;
    if (folded.size >= FOLDED_KEPT) folded.clear();
    folded.set(raw, word);
  }
  return word;
}

export function tokens(text: string): Tokens {
  const out: Tokens = { text, words: [], starts: [], ends: [] };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    out.words.push(readWord(m[0]));
    out.starts.push(m.index);
    out.ends.push(WORD.lastIndex);
  }
  return out;
}

/** Folded words of a text. */
export const words = (text: string): string[] => tokens(text).words;

/** Shorter words match only themselves. */
const PREFIX_FROM = 3;

export interface Phrase<T> {
  words: readonly string[];
  tag: T;
  /** Every word only itself: a month's name ("Mai" is not "Mainz"). */
  exact?: boolean;
}

/** A match: the phrase's tag and the words it covers, `[from, to)`. */
export interface Found<T> {
  tag: T;
  from: number;
  to: number;
}

/** Phrases by their first word's first two letters, longest first: one lookup per word of a text. */
export class PhraseIndex<T> {
  private readonly byStart = new Map<string, Phrase<T>[]>();

  constructor(
    phrases: Iterable<Phrase<T>>,
    private readonly maxSuffix = Infinity,
  ) {
    for (const phrase of phrases) {
      const key = (phrase.words[0] ?? '').slice(0, 2);
      if (key.length === 0) continue;
      const list = this.byStart.get(key) ?? [];
      list.push(phrase);
      this.byStart.set(key, list);
    }
    for (const list of this.byStart.values()) list.sort((a, b) => b.words.length - a.words.length || b.words.join(' ').length - a.words.join(' ').length);
  }

  /** Every phrase found in `text`, each word of it in one at most, in the text's order. */
  find(text: Tokens): Found<T>[] {
    const found: Found<T>[] = [];
    const { words: list } = text;
    for (let i = 0; i < list.length; ) {
      const phrase = this.byStart.get((list[i] ?? '').slice(0, 2))?.find((p) => matchesAt(list, i, p.words, p.exact === true ? 0 : this.maxSuffix));
      if (phrase === undefined) {
        i++;
        continue;
      }
      found.push({ tag: phrase.tag, from: i, to: i + phrase.words.length });
      i += phrase.words.length;
    }
    return found;
  }
}

function matchesAt(list: readonly string[], at: number, phrase: readonly string[], maxSuffix: number): boolean {
  if (at + phrase.length > list.length) return false;
  for (let j = 0; j < phrase.length; j++) {
    const word = list[at + j] ?? '';
    const part = phrase[j] ?? '';
    if (word.length - part.length > (part.length < PREFIX_FROM ? 0 : maxSuffix) || !word.startsWith(part)) return false;
  }
  return true;
}

/** What a match covers, in the text's own words. */
export function spanText(text: Tokens, from: number, to: number): string {
  return text.text.slice(text.starts[from], text.ends[to - 1]);
}

/** Where `phrase` stands in `list` word for word (no prefixes), a quote's own wording; -1 where it does not. */
export function indexOfExactly(list: readonly string[], phrase: readonly string[]): number {
  outer: for (let i = 0; i + phrase.length <= list.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (list[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

/** Words that make the noun after them one the reader already knows ("das Treffen", "ihrer Unterredung", "the talks"). */
const DEFINITE = new Set(['der', 'die', 'das', 'dem', 'den', 'des', 'vom', 'beim', 'zum', 'im', 'ihr', 'ihre', 'ihrem', 'ihren', 'ihrer', 'ihres',
  'dieses', 'diesem', 'dieser', 'the', 'this', 'their', 'todays']);
/** Words that make it a new one ("ein Treffen", "a meeting"): another than the day's. */
const INDEFINITE = new Set(['ein', 'eine', 'einem', 'einen', 'einer', 'eines', 'a', 'an', 'another', 'weiteres', 'weiteren', 'neues', 'neuen', 'kein', 'keinem']);
/** Words read back from a noun for its article, the adjectives between included ("das mit Spannung erwartete Treffen"). */
const ARTICLE_REACH = 3;

/** Words after a noun that say whose it is ("das Gespräch mit Kuleba", "the talks between …"): then it is not the one the reader knows. */
const WHOSE = new Set(['mit', 'von', 'zwischen', 'der', 'des', 'with', 'between', 'of']);

/**
 * Whether the word at `at` is the one the reader knows: after a definite article, with at most a few
 * words between and no indefinite one, and not followed by whose it is.
 */
export function isDefinite(list: readonly string[], at: number, to = at + 1): boolean {
  if (WHOSE.has(list[to] ?? '')) return false;
  for (let i = at - 1; i >= Math.max(0, at - ARTICLE_REACH); i--) {
    const word = list[i] ?? '';
    if (INDEFINITE.has(word)) return false;
    if (DEFINITE.has(word)) return true;
  }
  return false;
}
