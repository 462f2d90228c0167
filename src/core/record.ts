/**
 * The one record type every stage reads and writes (see ../shared/CONTRACT.md).
 * A stage adds or replaces only the fields it owns; every other key passes
 * through unchanged, so records are handled as open objects.
 */

export type Format = 'html' | 'text' | 'markdown';

export interface Metadata {
  title?: string;
  /** ISO 8601 local time, as precise as found: `2023-01-28T11:22`. */
  published?: string;
  source?: string;
  authors?: string[];
  editors?: string[];
  photographers?: string[];
  reviewers?: string[];
  source_url?: string;
  site?: string;
  tags?: string[];
  [key: string]: unknown;
}

export type EntityType = 'date' | 'person' | 'org' | 'place' | 'phone' | 'email' | 'url' | 'money';

/** Offsets count Unicode code points, end exclusive; `text` equals that slice. */
export interface Entity {
  type: EntityType;
  text: string;
  start: number;
  end: number;
  /** Normalized value: ISO 8601 for dates. */
  value?: string;
  /** For people: the title the text ties to them (`党委书记`). */
  title?: string;
  /** For people: the institution of that title (`南开大学`). */
  org?: string;
  [key: string]: unknown;
}

export interface Removal {
  text: string;
  /** Machine-readable reason name, e.g. `navigation`, `footer`, `seo-spam`. */
  reason: string;
}

export interface Quality {
  signals: Record<string, number>;
  failed: string[];
  duplicate_of: string | null;
}

export interface QRecord {
  id?: string;
  text?: string;
  format?: Format;
  encoding?: string;
  metadata?: Metadata;
  tokens?: string[];
  pos?: string[];
  entities?: Entity[];
  quality?: Quality;
  removed?: Removal[];
  raw?: string;
  [key: string]: unknown;
}

export const FORMATS: readonly Format[] = ['html', 'text', 'markdown'];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
