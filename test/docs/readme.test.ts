import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { README, withGeneratedSections } from './readme-tables.js';

describe('README', () => {
  it('lists every removal reason and quality signal as the code defines them (regenerate: npx tsx test/docs/readme-tables.ts)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(withGeneratedSections(readme));
  });

  it('shows the install command and the test command that .ci/run calls', () => {
    const readme = readFileSync(README, 'utf8');
    const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toMatch(/^npm test\b/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
