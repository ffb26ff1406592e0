import { forEachAsciiWord, segmentTokens } from './pathTokens';

/**
 * Keyword matching on the words of path segments (see pathTokens.ts).
 *
 * - A keyword is tokenized like a path segment, so "feature-flag",
 *   "feature_flag" and "featureFlag" are the same two-word phrase.
 * - A one-word keyword matches a whole word: "auth" matches "auth/" and
 *   "authService.ts", never a longer word ("author.ts", "oauth.ts" - which is
 *   why "oauth" is a keyword of its own).
 * - A phrase matches consecutive words of one segment ("api-key" in
 *   "api_key.ts") or the same letters run together ("apikey.ts").
 * - The last word may be plural: "payment" matches "payments", "policy"
 *   matches "policies". Only that direction: the keyword "tokens" does not
 *   match "token" (which is how the defaults keep lexer tokens out).
 * - Ignore phrases hide words from the keywords of the same class: with
 *   "session-storage" ignored, "sessionStorage.ts" is not "session".
 * - When several keywords match, the one found first (words left to right)
 *   is reported.
 */
export interface KeywordMatcher {
  /**
   * The first keyword found in the segment, if any. Not cached: callers
   * classify each distinct segment once.
   */
  matchSegment(segment: string): string | undefined;
}

/** A keyword of two or more words, looked up by its first word. */
interface Phrase {
  readonly keyword: string;
  readonly words: readonly string[];
  /** The last word and its plurals. */
  readonly lastForms: ReadonlySet<string>;
}

/**
 * Keywords indexed for lookup by word, so a segment costs one map lookup per
 * word however many keywords a class has.
 */
interface PhraseIndex {
  /** Word (or plural) -> keyword: one-word keywords and phrases run together. */
  readonly words: ReadonlyMap<string, string>;
  readonly phrasesByFirstWord: ReadonlyMap<string, readonly Phrase[]>;
}

export function compileKeywords(keywords: readonly string[], ignorePhrases: readonly string[] = []): KeywordMatcher {
  const index = compileKeywordIndex([{ keywords, ignorePhrases }]);
  return { matchSegment: (segment) => index.matchSegment(segment)?.[0] };
}

/** The keywords of one class. */
export interface KeywordGroup {
  readonly keywords: readonly string[];
  readonly ignorePhrases: readonly string[];
}

/** Several classes' keywords, answered in one pass per segment. */
export interface KeywordIndex {
  /** Per group, the first keyword found in the segment; undefined when none has any. */
  matchSegment(segment: string): ReadonlyArray<string | undefined> | undefined;
}

export function compileKeywordIndex(groups: readonly KeywordGroup[]): KeywordIndex {
  const compiled = groups.map((group) => ({ index: indexPhrases(group.keywords), ignored: indexPhrases(group.ignorePhrases) }));
  // Every word that can start a match, with the groups it can start one in:
  // most segments contain none, and a segment that does is only searched for
  // those groups' keywords.
  const triggers = new Map<string, number[]>();
  compiled.forEach(({ index }, group) => {
    for (const word of [...index.words.keys(), ...index.phrasesByFirstWord.keys()]) {
      const groups = triggers.get(word) ?? [];
      if (!groups.includes(group)) groups.push(group);
      triggers.set(word, groups);
    }
  });
  const mayMatch = compileTriggerTest(new Set(triggers.keys()));
  return {
    matchSegment(segment) {
      if (!mayMatch(segment)) return undefined;
      const words = segmentTokens(segment);
      let found: Array<string | undefined> | undefined;
      for (const word of words) {
        for (const group of triggers.get(word) ?? []) {
          found ??= new Array<string | undefined>(compiled.length).fill(undefined);
          const { index, ignored } = compiled[group]!;
          found[group] ??= findKeyword(words, index, ignored);
        }
      }
      return found?.some((keyword) => keyword !== undefined) ? found : undefined;
    },
  };
}

/**
 * Whether some word of the segment is a trigger, without allocating a word
 * (most file names hold none, and each distinct one is asked once): triggers
 * are bucketed by length and first letter, so most words are rejected by one
 * table read, and the rest compared letter by letter. Non-ASCII segments
 * always answer true (the caller tokenizes them).
 */
function compileTriggerTest(triggers: ReadonlySet<string>): (segment: string) => boolean {
  const MAX_LENGTH = 63;
  const bucketOf = (length: number, firstCode: number) => Math.min(length, MAX_LENGTH) * 128 + (firstCode & 127);
  const buckets: Array<string[] | undefined> = new Array((MAX_LENGTH + 1) * 128).fill(undefined);
  for (const word of triggers) (buckets[bucketOf(word.length, word.charCodeAt(0))] ??= []).push(word);
  // One visitor for every segment (no closure per call: this runs for every file name).
  let segment = '';
  const isTrigger = (start: number, end: number): boolean => {
    const candidates = buckets[bucketOf(end - start, lowerCode(segment.charCodeAt(start)))];
    return candidates !== undefined && candidates.some((word) => word.length === end - start && sameLowerCase(segment, start, word));
  };
  return (text) => {
    segment = text;
    return forEachAsciiWord(text, isTrigger) !== false;
  };
}

function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** Whether `segment` from `start` spells the lower-case `word` (ASCII), ignoring case. */
function sameLowerCase(segment: string, start: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (lowerCode(segment.charCodeAt(start + i)) !== word.charCodeAt(i)) return false;
  return true;
}

function indexPhrases(keywords: readonly string[]): PhraseIndex {
  const words = new Map<string, string>();
  const phrasesByFirstWord = new Map<string, Phrase[]>();
  for (const keyword of keywords) {
    const tokens = segmentTokens(keyword);
    if (tokens.length === 0) continue;
    // The first keyword in list order keeps a form both could claim.
    for (const form of pluralForms(tokens.join(''))) if (!words.has(form)) words.set(form, keyword);
    if (tokens.length > 1) {
      const phrase = { keyword, words: tokens, lastForms: new Set(pluralForms(tokens[tokens.length - 1]!)) };
      const list = phrasesByFirstWord.get(tokens[0]!) ?? [];
      list.push(phrase);
      phrasesByFirstWord.set(tokens[0]!, list);
    }
  }
  return { words, phrasesByFirstWord };
}

function pluralForms(word: string): string[] {
  const forms = [word, `${word}s`, `${word}es`];
  if (word.endsWith('y')) forms.push(`${word.slice(0, -1)}ies`);
  return forms;
}

/** The keyword found first, scanning the words left to right. */
function findKeyword(words: readonly string[], index: PhraseIndex, ignored: PhraseIndex): string | undefined {
  const hidden = hiddenWords(words, ignored);
  for (let start = 0; start < words.length; start++) {
    if (hidden?.[start]) continue;
    const keyword = index.words.get(words[start]!);
    if (keyword !== undefined) return keyword;
    for (const phrase of index.phrasesByFirstWord.get(words[start]!) ?? []) {
      if (phraseLengthAt(words, start, phrase, hidden) > 0) return phrase.keyword;
    }
  }
  return undefined;
}

/** Which words an ignore phrase covers; undefined (the usual case) when none. */
function hiddenWords(words: readonly string[], ignored: PhraseIndex): boolean[] | undefined {
  if (ignored.words.size === 0) return undefined;
  let hidden: boolean[] | undefined;
  for (let start = 0; start < words.length; start++) {
    let length = ignored.words.has(words[start]!) ? 1 : 0;
    for (const phrase of ignored.phrasesByFirstWord.get(words[start]!) ?? []) {
      length = Math.max(length, phraseLengthAt(words, start, phrase, undefined));
    }
    if (length === 0) continue;
    hidden ??= new Array<boolean>(words.length).fill(false);
    for (let i = start; i < start + length; i++) hidden[i] = true;
  }
  return hidden;
}

/** How many words the phrase covers from `start`, 0 when it does not match there. */
function phraseLengthAt(words: readonly string[], start: number, phrase: Phrase, hidden: readonly boolean[] | undefined): number {
  const last = phrase.words.length - 1;
  if (start + last >= words.length) return 0;
  for (let i = 0; i <= last; i++) {
    if (hidden?.[start + i]) return 0;
    const word = words[start + i]!;
    if (i < last ? word !== phrase.words[i] : !phrase.lastForms.has(word)) return 0;
  }
  return phrase.words.length;
}
