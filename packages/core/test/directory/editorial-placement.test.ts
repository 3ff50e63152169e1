import { describe, expect, it } from 'vitest';
import { validateNewFacility, type NewFacility } from '../../src/index.ts';

const facility: NewFacility = {
  name: 'Kita Wiesenweg',
  address: { street: 'Wiesenweg', houseNumber: '5', postcode: '10115', city: 'Berlin', district: null },
  location: { lon: 13.39, lat: 52.53 },
};

describe('a new facility’s address and coordinates', () => {
  it('accepts a complete address in Germany', () => {
    expect(validateNewFacility(facility)).toEqual([]);
    expect(validateNewFacility({ ...facility, address: { ...facility.address, postcode: null } })).toEqual(
      [],
    );
  });

  it('names each wrong field in German', () => {
    const errors = validateNewFacility({
      name: ' ',
      address: { street: '', houseNumber: null, postcode: '1011', city: null, district: null },
      location: { lon: Number.NaN, lat: 40 },
    });
    expect(errors.map((e) => e.field)).toEqual(['facilityName', 'street', 'city', 'postcode', 'lat', 'lon']);
    expect(errors.find((e) => e.field === 'postcode')?.message).toBe(
      'Postleitzahl: „1011“ ist keine Postleitzahl (fünf Ziffern, z. B. 10115).',
    );
    expect(errors.find((e) => e.field === 'lat')?.message).toContain('liegt nicht in Deutschland');
  });

  it('suggests swapped coordinates when each fits the other’s range', () => {
    const errors = validateNewFacility({ ...facility, location: { lon: 52.53, lat: 13.39 } });
    expect(errors.map((e) => e.field)).toEqual(['lat', 'lon']);
    expect(errors[0]!.message).toContain('vertauscht');
  });
});
