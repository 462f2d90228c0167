/**
 * Cheap pattern entities: e-mail addresses, URLs, phone numbers and sums of
 * money. Every pattern is a single pass without nested quantifiers.
 */
import type { EntityType } from '../../core/record.js';
import type { Span } from './doc.js';

export interface ContactSpan extends Span {
  type: EntityType;
}

const PATTERNS: { type: EntityType; re: RegExp }[] = [
  { type: 'email', re: /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g },
  { type: 'url', re: /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]{2,2000}/g },
  // Mainland mobiles (13912345678, +86 139 1234 5678) and landlines with area code (022-23508229).
  { type: 'phone', re: /(?<![0-9])(?:(?:\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}|0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}|400-?[0-9]{3}-?[0-9]{4})(?![0-9])/g },
  // 100万元, 5.6亿美元, ￥1,200, 3000元人民币.
  { type: 'money', re: /(?:[￥¥$]\s?[0-9][0-9,]{0,20}(?:\.[0-9]{1,4})?|[0-9][0-9,]{0,20}(?:\.[0-9]{1,4})?\s?[万亿]{0,2}(?:元人民币|元|美元|欧元|英镑|日元|港元|港币|人民币))/g },
];

export function findContacts(text: string): ContactSpan[] {
  const out: ContactSpan[] = [];
  for (const { type, re } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let end = m.index + m[0].length;
      // A URL or e-mail does not end with sentence punctuation.
      while (end > m.index && /[.,;:!?)\]]/.test(text[end - 1] ?? '')) end--;
      if (end > m.index && !out.some((o) => o.start < end && m.index < o.end)) out.push({ type, start: m.index, end });
    }
  }
  return out;
}
