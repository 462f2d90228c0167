/**
 * Places: every province, prefecture and county of China and the countries,
 * regions and major cities of the world (data/places-*.txt), taken where they
 * form whole words (北京市民 is not 北京市). County-level short forms (朝阳,
 * 武清) are also words and given names, so they count only when the full form
 * is on the page. Unlisted places are found by suffix (李家村, 马萨诸塞州), and
 * one-character short forms (中美两国, 美方, 访华) by their People's Daily contexts.
 */
import { Doc, NUMERALS, isHan, type Span } from './doc.js';
import { kindMask } from './lexicon.js';

/** Suffixes that make a place of an unlisted name before them. */
const SUFFIX_RULE = new Set(['镇', '乡', '村', '县', '州', '旗', '街道', '岛']);
/** Listed places: full names and county-level short forms. */
const PLACE_KINDS = ['place', 'place-short'] as const;
const PLACE_NAMES = kindMask(...PLACE_KINDS);
/** Characters that point at places rather than name one (各乡镇, 凡农村, 全镇). */
const DETERMINERS = new Set(['各', '凡', '每', '该', '本', '全', '此', '某', '其', '哪', '这', '那', '外', '邻', '乡', '镇', '村', '县']);
/** 人 after a place: its people (魁北克人). */
const PERSON = 0x4eba;
/** Suffixes written onto a listed city or state name (洛杉矶市, 加利福尼亚州). */
const CITY_SUFFIX = new Set(['市', '州', '省', '县']);

export function findPlaces(doc: Doc, blocked: Uint8Array): Span[] {
  const { text, lex } = doc;
  const out: Span[] = [];
  const free = (s: number, e: number): boolean => {
    for (let i = s; i < e; i++) if (blocked[i]) return false;
    return true;
  };
  const take = (s: number, e: number): void => {
    out.push({ start: s, end: e });
    blocked.fill(1, s, e);
  };
  // 永定门车站, 圣劳伦斯河: the kind of landmark after a place found by its word belongs to it.
  const takeWithLandmark = (s: number, e: number): void => {
    const landmark = landmarkAfter(doc, e);
    take(s, landmark && free(e, e + landmark) ? e + landmark : e);
  };

  // Whether the full form of a county-level short form is on the page, by short form.
  const fullOnPage = new Map<string, boolean>();
  const fullFormOnPage = (short: string): boolean => {
    let on = fullOnPage.get(short);
    if (on === undefined) fullOnPage.set(short, (on = text.includes(lex.placeFull.get(short) ?? '\0')));
    return on;
  };

  for (let i = 0; i < text.length; i++) {
    if (blocked[i] || !doc.boundary(i) || !doc.startsAny(i, PLACE_NAMES)) continue;
    let best: Span | undefined;
    // 合肥火车站, 渥太华河: a listed place and the kind of landmark after it are one place;
    // 波兰共和国: a country and the form of state after it too.
    let bestExtension = 0;
    for (const kind of PLACE_KINDS) {
      if (!doc.hasStart(i, kind)) continue;
      for (const m of doc.startingAt(i, kind)) {
        const extension = landmarkAfter(doc, m.end) || stateFormAfter(doc, m);
        if ((!doc.boundary(m.end) && !CITY_SUFFIX.has(text[m.end] ?? '') && text[m.end] !== '国' && !extension && !opensCompound(doc, m.start, m.end)) || (best && best.end >= m.end)) continue;
        if (kind === 'place-short' && !fullFormOnPage(text.slice(m.start, m.end))) continue;
        best = m;
        bestExtension = extension;
      }
    }
    if (best) best = { start: best.start, end: best.end + bestExtension };
    // 洛杉矶市: a listed name and its suffix written as one word.
    // 以色列国: a country's name with 国 written onto it.
    const suffixed = CITY_SUFFIX.has(text[best?.end ?? -1] ?? '') || (text[best?.end ?? -1] === '国' && text[(best?.end ?? 0) - 1] !== '国');
    if (best && !doc.boundary(best.end) && doc.tokenEndAt(best.start) === best.end + 1 && suffixed) {
      best = { start: best.start, end: best.end + 1 };
    }
    // 香港特区: a listed name and the short form of 特别行政区.
    if (best && text.startsWith('特区', best.end)) best = { start: best.start, end: best.end + 2 };
    // 太平洋两岸, 长江两岸: the banks of a named water are no place of their own (海峡两岸, 两岸关系 are).
    if (best && text.slice(best.start, best.end) === '两岸' && out.at(-1)?.end === best.start) best = undefined;
    if (best && free(best.start, best.end)) {
      take(best.start, best.end);
      i = best.end - 1;
    } else if (!best && doc.hasStart(i, 'place')) {
      // 中华人民共和国香港特别行政区 as one dictionary word: places that tile the whole word.
      const pieces = tileWithPlaces(doc, i, doc.tokenEndAt(i));
      if (pieces && pieces.length > 1 && free(i, doc.tokenEndAt(i))) {
        for (const p of pieces) take(p.start, p.end);
        i = doc.tokenEndAt(i) - 1;
      }
    }
  }

  // Where the places found by suffix end: 临水乡北沟村 is a chain of two.
  const placeEnds = new Set<number>();
  for (const m of doc.all('place-suffix')) {
    const suffix = text.slice(m.start, m.end);
    if (!SUFFIX_RULE.has(suffix) || !(doc.boundary(m.end) || doc.gluedToWord(m.start, m.end)) || blocked[m.start]) continue;
    const start = nameBefore(doc, m.start, placeEnds);
    if (start === undefined || !free(start, m.end) || doc.isWord(start, m.end)) continue;
    take(start, m.end);
    placeEnds.add(m.end);
  }

  for (const m of doc.all('place-abbr')) {
    if (blocked[m.start]) continue;
    if (abbreviationInContext(doc, m.start)) take(m.start, m.end);
  }

  // Unlisted places that jieba's dictionary knows as three or more characters tagged ns (人民大会堂).
  for (let i = 0; i < text.length; i++) {
    if (!doc.boundary(i)) continue;
    const end = doc.tokenEndAt(i);
    if (end - i >= 3 && endsLandmark(doc, end) && free(i, end) && isHan(text[i]) && isPlaceWord(doc, text.slice(i, end))) takeWithLandmark(i, end);
    i = end - 1;
  }

  // Foreign places in jieba's dictionary (波士顿, 马萨诸塞州): transliterated words it tags ns.
  for (let i = 0; i < text.length; i++) {
    const end = doc.tokenEndAt(i);
    if (!doc.boundary(i) || end - i < 3 || blocked[i]) continue;
    let foreign = true;
    for (let j = i; j < end && foreign; j++) foreign = lex.translit[text.charCodeAt(j)] === 1 || (j === end - 1 && CITY_SUFFIX.has(text[j] ?? ''));
    if (foreign && free(i, end) && (isPlaceWord(doc, text.slice(i, end)) || isForeignPlace(doc, i, end))) takeWithLandmark(i, end);
    i = end - 1;
  }

  return out.sort((a, b) => a.start - b.start);
}

/**
 * The length of the landmark word (车站, 公园, 河) from `end` to the end of its dictionary token, or
 * 0: a word of its own (北京/火车站), or the tail of a token holding place and landmark (渥太华河);
 * not the start of another word (北京/市场).
 */
function landmarkAfter(doc: Doc, end: number): number {
  const word = doc.text.slice(end, doc.tokenEndAt(end));
  return doc.lex.landmarkWords.has(word) ? word.length : 0;
}

/** The length of the form of state (共和国, 联盟共和国, 合众国) after the country `place`, or 0. */
export function stateFormAfter(doc: Doc, place: Span & { info?: string }): number {
  if (place.info !== 'country') return 0;
  for (let end = Math.min(doc.text.length, place.end + 7); end > place.end + 1; end--) {
    if (doc.boundary(end) && doc.lex.stateForms.has(doc.text.slice(place.end, end))) return end - place.end;
  }
  return 0;
}

/** A word jieba's dictionary tags ns (place) that names a place (not 大城市, 周边地区). */
function isPlaceWord(doc: Doc, word: string): boolean {
  return doc.posOf(word) === 'ns' && !doc.lex.genericPlaces.has(word);
}

/** A word ending at `end` ends like a landmark or place (馆, 山, 州), or is followed by 人 (魁北克人, 马拉维人: the people of a place). */
function endsLandmark(doc: Doc, end: number): boolean {
  return doc.lex.landmarkEndings[doc.text.charCodeAt(end - 1)] === 1 || (doc.text.charCodeAt(end) === PERSON && doc.tokenEndAt(end) === end + 1);
}

/**
 * 日本政府, 英国首相, 以色列政府: jieba's dictionary holds a place and the word after it as one word.
 * People's Daily marks the place alone, so a listed place opening a dictionary word counts when the
 * rest is a word of two or more characters itself and the whole is no place name (东京湾, 台湾岛),
 * or when the rest is 地区 or 人.
 */
function opensCompound(doc: Doc, start: number, end: number): boolean {
  if (!doc.boundary(start)) return false;
  const tokenEnd = doc.tokenEndAt(start);
  const rest = doc.text.slice(end, tokenEnd);
  // 亚太地区, 非洲人: a region's area and its people are no part of its name.
  if (rest === '地区' || rest === '人') return true;
  if (rest.length < 2 || doc.posOf(rest) === '') return false;
  // A noun (中国国情, 英国首相), or an institution that is a place's government (日本政府): not a company
  // (中国邮政), an idiom (大同小异), a name or a time (解放初期).
  const pos = doc.posOf(doc.text.slice(start, tokenEnd));
  if (pos !== 'n' && pos !== 'nz' && !(pos === 'nt' && rest.endsWith('政府'))) return false;
  return !doc.lex.landmarkEndings[doc.text.charCodeAt(tokenEnd - 1)];
}

/** A transliterated word after a locative cue (抵波士顿, 访问波士顿). */
export function isForeignPlace(doc: Doc, start: number, _end: number): boolean {
  return doc.hasEnd(start, 'place-cue');
}

/** Start of a two- to four-character name before a place suffix at `end`, if there is one. */
function nameBefore(doc: Doc, end: number, placeEnds: Set<number>): number | undefined {
  const { text, lex } = doc;
  // A run of transliteration characters: 马萨诸塞州.
  let t = end;
  while (t > 0 && lex.translit[text.charCodeAt(t - 1)] === 1) t--;
  if (end - t >= 3 && doc.boundary(t)) return t;
  let start = doc.tokenStartBefore(end);
  // 召/忽/镇: jieba leaves an unknown name as single characters; two or three of them, none a
  // function word or numeral, name the place.
  if (end - start === 1) {
    let s2 = end;
    const nameChar = (k: number): boolean => {
      const ch = text[k] ?? '';
      return isHan(ch) && !NUMERALS.has(ch) && !DETERMINERS.has(ch) && !lex.nameBoundaries.has(ch) && !doc.startingAt(k, 'stop').length && !doc.endingAt(k + 1, 'stop').length;
    };
    while (s2 > end - 3 && doc.tokenStartBefore(s2) === s2 - 1 && nameChar(s2 - 1)) s2--;
    // After punctuation, a listed place (安丘市召忽镇) or one found by its suffix (临水乡北沟村).
    if (end - s2 >= 2 && (!isHan(text[s2 - 1]) || doc.hasEnd(s2, 'place') || placeEnds.has(s2))) start = s2;
  }
  const len = end - start;
  if (len < 2 || len > 4 || !doc.boundary(start)) return undefined;
  for (let i = start; i < end; i++) if (!isHan(text[i])) return undefined;
  const listed = doc.longestAt(start, 'place') ?? doc.longestAt(start, 'place-short');
  if (listed?.end === end) return start;
  if (doc.isWord(start, end)) return undefined;
  if (doc.endingAt(end, 'stop').length || doc.startingAt(start, 'stop').length) return undefined;
  return start;
}

/** Listed places (full names) that cover [start, end) exactly, one after another, if any. */
function tileWithPlaces(doc: Doc, start: number, end: number): Span[] | undefined {
  const pieces: Span[] = [];
  for (let i = start; i < end; ) {
    const m = doc.longestAt(i, 'place');
    if (!m || m.end > end) return undefined;
    pieces.push({ start: m.start, end: m.end });
    i = m.end;
  }
  return pieces;
}

/** True when a dictionary word of two or more characters starts at `i` (驻华, 驻华大使). */
function startsWord(doc: Doc, i: number): boolean {
  return doc.boundary(i) && doc.tokenEndAt(i) >= i + 2;
}

/** 中美两国, 美方, 访华: a one-character short form of a country or province used as a place. */
function abbreviationInContext(doc: Doc, i: number): boolean {
  const { text, lex } = doc;
  const ctx = lex.abbrContexts;
  const prev = text[i - 1] ?? '';
  const next = text[i + 1] ?? '';
  const isAbbr = (j: number): boolean => doc.hasStart(j, 'place-abbr');
  // 访华, 驻美: the context and the short form make one dictionary word, or the short form ends a clause.
  // The context must be a word of its own or start one (采访中, 越来越: no).
  if (ctx.before.has(prev) && doc.boundary(i - 1) && (startsWord(doc, i - 1) || !isHan(next))) return true;
  const only = ctx.after.get(next);
  if (only !== undefined && (only === '' || only.includes(text[i] ?? '')) && doc.isWord(i, i + 2)) return true;
  // A run of two or more different short forms followed by 两国, 关系, 边区 …: all are places.
  let first = i;
  while (first > 0 && isAbbr(first - 1) && first - i > -3) first--;
  let last = i;
  while (isAbbr(last + 1) && last - i < 3) last++;
  if (last === first || new Set(text.slice(first, last + 1)).size !== last - first + 1) return false;
  return ctx.pair.some((w) => text.startsWith(w, last + 1));
}
