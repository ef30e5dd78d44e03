import { describe, expect, it } from 'vitest';
import { isCertificationStale, monthsSince } from './certifications';

describe('certification staleness', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('is fresh for 12 months after verification and stale from then on', () => {
    expect(isCertificationStale('2026-01-01', now)).toBe(false);
    expect(isCertificationStale('2025-11-28', now)).toBe(false);
    expect(isCertificationStale('2025-11-27', now)).toBe(true);
    expect(isCertificationStale('2020-01-01', now)).toBe(true);
  });
  it('counts whole months', () => {
    expect(monthsSince('2025-09-30', now)).toBe(13);
    expect(monthsSince('2026-11-28', now)).toBe(0);
  });
});
