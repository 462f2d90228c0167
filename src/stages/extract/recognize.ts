/**
 * People, institutions, places and contact patterns of one text, with overlaps
 * resolved: a person recognised by context wins first, then institutions (a
 * place inside an institution name is part of it), then places, then the
 * remaining people. Offsets are UTF-16; index.ts converts them.
 */
import type { EntityType } from '../../core/record.js';
import { findContacts } from './contacts.js';
import { Doc, type Span } from './doc.js';
import { findOrgs } from './orgs.js';
import { findPeople } from './people.js';
import { findPlaces } from './places.js';
import { findUnlistedNames } from './unlisted.js';

export interface Found extends Span {
  type: EntityType;
  attrs: Record<string, string>;
}

/** Entities of `types` in `text`; `blockedSpans` (dates) are left alone. */
export function recognize(text: string, types: Set<EntityType>, blockedSpans: Span[] = []): Found[] {
  const out: Found[] = [];
  const blocked = new Uint8Array(text.length);
  for (const s of blockedSpans) blocked.fill(1, s.start, s.end);
  for (const c of findContacts(text)) {
    blocked.fill(1, c.start, c.end);
    if (types.has(c.type)) out.push({ ...c, attrs: {} });
  }
  // Contact patterns need no segmentation; skip the rest when no name type is wanted.
  if (!types.has('person') && !types.has('org') && !types.has('place')) return out.sort((a, b) => a.start - b.start || b.end - a.end);
  const doc = new Doc(text);
  const people = findPeople(doc).filter((p) => !overlapsBlocked(blocked, p));
  for (const p of people) if (p.strength === 'strong') blocked.fill(1, p.start, p.end);
  const orgs = findOrgs(doc, blocked);
  for (const o of orgs) blocked.fill(1, o.start, o.end);
  // Weak people next: a name without context yields to a place of the same letters.
  const placesBlocked = blocked.slice();
  // One sense per page: a name taken for a person by its context, or a part of a foreign one
  // (劳伦斯·洛克菲勒), is no place elsewhere.
  const personNames = new Set(people.filter((p) => p.strength === 'strong').flatMap((p) => text.slice(p.start, p.end).split('·')));
  const places = findPlaces(doc, placesBlocked).filter((p) => !personNames.has(text.slice(p.start, p.end)));
  const placeCover = new Uint8Array(text.length);
  for (const p of places) placeCover.fill(1, p.start, p.end);

  if (types.has('person')) {
    // Where no entity lies: a foreign name jieba's HMM finds (unlisted.ts).
    const taken = blocked.slice();
    for (let i = 0; i < taken.length; i++) taken[i]! |= placeCover[i]!;
    for (const p of people) {
      if (p.strength === 'weak' && (overlapsBlocked(blocked, p) || overlapsBlocked(placeCover, p))) continue;
      taken.fill(1, p.start, p.end);
      const attrs: Record<string, string> = {};
      if (p.title) attrs.title = p.title;
      if (p.org) attrs.org = p.org;
      if (p.role) attrs.role = p.role;
      out.push({ type: 'person', start: p.start, end: p.end, attrs });
    }
    for (const p of findUnlistedNames(doc, taken)) out.push({ type: 'person', start: p.start, end: p.end, attrs: {} });
  }
  if (types.has('org')) {
    for (const o of orgs) out.push({ type: 'org', start: o.start, end: o.end, attrs: o.full ? { full: o.full } : {} });
  }
  if (types.has('place')) for (const p of places) out.push({ type: 'place', start: p.start, end: p.end, attrs: {} });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function overlapsBlocked(blocked: Uint8Array, s: Span): boolean {
  for (let i = s.start; i < s.end; i++) if (blocked[i]) return true;
  return false;
}
