import { describe, expect, it } from 'vitest';
import { festivalDate, festivalSeason, festivalsOfYear } from '../src/festivals';

describe('festivals', () => {
  it('computes the lunar festivals for the year (State Council notices)', () => {
    expect(festivalDate('spring_festival', 2025)).toBe('2025-01-29');
    expect(festivalDate('spring_festival', 2026)).toBe('2026-02-17');
    expect(festivalDate('spring_festival', 2027)).toBe('2027-02-06');
    expect(festivalDate('mid_autumn', 2025)).toBe('2025-10-06');
    expect(festivalDate('mid_autumn', 2026)).toBe('2026-09-25');
    expect(festivalDate('mid_autumn', 2023)).toBe('2023-09-29');
  });

  it('lists the year in date order', () => {
    expect(festivalsOfYear(2025).map((f) => f.festival)).toEqual(['new_year', 'spring_festival', 'labour_day', 'national_day', 'mid_autumn']);
  });

  it('finds the greeting season, the nearer festival winning', () => {
    expect(festivalSeason('2026-02-12')).toEqual({ festival: 'spring_festival', date: '2026-02-17' });
    expect(festivalSeason('2026-02-20')).toEqual({ festival: 'spring_festival', date: '2026-02-17' });
    expect(festivalSeason('2026-02-21')).toBeNull();
    expect(festivalSeason('2025-12-28')).toEqual({ festival: 'new_year', date: '2026-01-01' });
    expect(festivalSeason('2025-10-05')?.festival).toBe('mid_autumn');
    expect(festivalSeason('2026-07-01')).toBeNull();
  });
});
