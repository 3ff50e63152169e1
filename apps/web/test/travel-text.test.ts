import { describe, expect, it } from 'vitest';
import { durationText, travelText } from '../src/wegweiser/travel-text.ts';

describe('travel times in words', () => {
  it('reads like the portal shows it next to the straight-line distance', () => {
    const travel = [
      { profile: 'foot', durationSeconds: 719, distanceMeters: 1000 },
      { profile: 'car', durationSeconds: 290, distanceMeters: 1400 },
    ];
    expect(travelText(travel, 'de')).toBe('ca. 12 Min. zu Fuß · 5 Min. mit dem Auto');
    expect(travelText(travel, 'en')).toBe('about 12 min on foot · 5 min by car');
  });

  it('rounds to whole minutes, at least one, with hours from 60 minutes', () => {
    expect(durationText(10, 'de')).toBe('1 Min.');
    expect(durationText(89, 'de')).toBe('1 Min.');
    expect(durationText(91, 'de')).toBe('2 Min.');
    expect(durationText(3900, 'de')).toBe('1 Std. 5 Min.');
    expect(durationText(3900, 'en')).toBe('1 h 5 min');
  });

  it('leaves out profiles without a route and names unknown profiles', () => {
    expect(
      travelText(
        [
          { profile: 'foot', durationSeconds: null, distanceMeters: null },
          { profile: 'wheelchair', durationSeconds: 600, distanceMeters: 800 },
        ],
        'de',
      ),
    ).toBe('ca. 10 Min. (wheelchair)');
    expect(travelText([{ profile: 'car', durationSeconds: null, distanceMeters: null }], 'de')).toBeNull();
    expect(travelText(undefined, 'de')).toBeNull();
  });
});
