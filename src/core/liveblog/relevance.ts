/**
 * Which live-blog entries are about the briefing's event. An entry counts when it shares at least
 * two distinct signals with the briefing: its people, its place, what was agreed, its subject, or
 * one of its quotes. One shared word is never enough: another foreign minister, "Genf" at another
 * meeting, markets that mention Russia share one at most. The positions an entry touches come from
 * the quotes it shares and the cue words of each position; its sides from those and its people.
 * Words match at their start ("Lawrow" finds "Lawrows"), case, accents and ß folded.
 * Pure: text in, verdict out.
 */

/** Something an entry can share with the briefing: its words, and the side it speaks for. */
export interface TalkSignal {
  id: string;
  /** Words or phrases; each word matches a word of the entry that starts with it. */
  terms: string[];
  side: string | null;
}

export interface TalkPosition {
  /** The position's quote ID, which the briefing's view links to. */
  id: string;
  side: string;
  /** Words that show an entry touches this position. */
  cues: string[];
  /** The quote in each language: an entry repeating five words of it in a row quotes it. */
  quote: string[];
}

export interface RelevanceProfile {
  signals: TalkSignal[];
  positions: TalkPosition[];
}

export interface Relevance {
  /** The signals shared, in the profile's order; `QUOTE_SIGNAL` when the entry quotes the briefing. */
  signals: string[];
  /** IDs of the positions touched, quoted ones first. */
  positions: string[];
  /** IDs of the positions whose quote the entry repeats. */
  quoted: string[];
  sides: string[];
}

export const QUOTE_SIGNAL = 'quote';
export const MIN_SIGNALS = 2;
/** Words in a row an entry must share with a quote to quote it. */
const SHINGLE = 5;

/** Lower case, without accents, ß as ss, split into words. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

type Phrase = readonly string[];

export interface CompiledProfile {
  signals: { id: string; terms: Phrase[]; side: string | null }[];
  positions: { id: string; side: string; cues: Phrase[]; shingles: Set<string>; marked: Phrase[] }[];
}

/** The words a quote sets in quotation marks of its own („offen und nützlich“): shared, they quote it. */
function markedPhrases(quote: string): Phrase[] {
  return [...quote.matchAll(/[„“"]([^„“”"]{3,80})[“”"]/g)].map((m) => words(m[1] ?? '')).filter((p) => p.length >= 2);
}

function shingles(list: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= list.length; i++) out.push(list.slice(i, i + SHINGLE).join(' '));
  return out;
}

export function compileProfile(profile: RelevanceProfile): CompiledProfile {
  return {
    signals: profile.signals.map((s) => ({ id: s.id, terms: s.terms.map(words).filter((t) => t.length > 0), side: s.side })),
    positions: profile.positions.map((p) => ({
      id: p.id,
      side: p.side,
      cues: p.cues.map(words).filter((c) => c.length > 0),
      shingles: new Set(p.quote.flatMap((q) => shingles(words(q)))),
      marked: p.quote.flatMap(markedPhrases),
    })),
  };
}

/** Whether `phrase` stands in `list` from some word on; `prefix`: each word may go on. */
function contains(list: readonly string[], phrase: Phrase, prefix: boolean): boolean {
  const [first] = phrase;
  if (first === undefined) return false;
  outer: for (let i = 0; i + phrase.length <= list.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      const word = list[i + j] ?? '';
      const part = phrase[j] ?? '';
      if (prefix ? !word.startsWith(part) : word !== part) continue outer;
    }
    return true;
  }
  return false;
}

/** The entry's verdict; null when it shares fewer than two signals with the briefing. */
export function judgeEntry(text: string, profile: CompiledProfile): Relevance | null {
  const list = words(text);
  const signals = profile.signals.filter((s) => s.terms.some((t) => contains(list, t, true)));
  // A quote is one signal: without another one the entry cannot count, and its quotes are not looked for.
  if (signals.length === 0) return null;
  const own = shingles(list);
  const quoted = profile.positions.filter((p) => p.marked.some((m) => contains(list, m, false)) || own.some((s) => p.shingles.has(s)));
  const count = signals.length + (quoted.length > 0 ? 1 : 0);
  if (count < MIN_SIGNALS) return null;
  const cued = profile.positions.filter((p) => !quoted.includes(p) && p.cues.some((c) => contains(list, c, true)));
  const positions = [...quoted, ...cued];
  const sides = new Set([...signals.map((s) => s.side), ...positions.map((p) => p.side)].filter((s): s is string => s !== null));
  return {
    signals: [...signals.map((s) => s.id), ...(quoted.length > 0 ? [QUOTE_SIGNAL] : [])],
    positions: positions.map((p) => p.id),
    quoted: quoted.map((p) => p.id),
    sides: [...sides],
  };
}
