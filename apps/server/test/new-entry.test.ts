import { describe, expect, it } from 'vitest';
import { DomainError, type CategoryTree } from '@lagebild/core';
import { newEntryChange, type Geocode, type NewEntryRequest } from '../src/directory/new-entry.ts';

/**
 * The new-entry check's use of the geocoder: an address without coordinates is looked up, and when
 * the lookup finds nothing or fails, the coordinate fields say why. (The HTTP client behind
 * `Geocode` is covered against Photon and Nominatim stand-ins in directory-geo.int.test.ts.)
 */
const categories: CategoryTree = {
  categories: [
    { id: 'kita', parentId: null, name: 'Kita', nameEn: null, terms: [], lifePhases: [], depth: 0 },
  ],
  targetGroups: [],
};
const request: NewEntryRequest = {
  categoryId: 'kita',
  fields: { name: 'Kita Wiesenweg' },
  address: { street: 'Wiesenweg', houseNumber: '5', postcode: '10115', city: 'Berlin' },
};
const context = (geocode: Geocode | null) => ({
  allowed: new Set(['p1']),
  known: new Map([['p1', 'Träger 1']]),
  categories,
  geocode,
  submittedBy: 'u1',
});

async function refusal(promise: Promise<unknown>): Promise<{ field: string; message: string }[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return ((error as DomainError).details as { fields: { field: string; message: string }[] }).fields;
}

describe('new entries without coordinates', () => {
  it('takes the geocoder’s place for the address', async () => {
    const asked: string[] = [];
    const change = await newEntryChange(
      request,
      context(async (address) => {
        asked.push(address);
        return { lon: 13.39, lat: 52.53 };
      }),
    );
    expect(asked).toEqual(['Wiesenweg 5, 10115 Berlin']);
    expect(change.placement).toMatchObject({
      providerId: 'p1',
      facility: { name: 'Kita Wiesenweg', location: { lon: 13.39, lat: 52.53 } },
    });
  });

  it('says “Koordinaten fehlen” at lat and lon: without a geocoder, when nothing is found, when it fails', async () => {
    for (const [geocode, says] of [
      [null, 'Breiten- und Längengrad eingeben'],
      [async () => null, 'wurde nicht gefunden'],
      [async () => ({ error: 'HTTP 503' }), 'HTTP 503'],
    ] as [Geocode | null, string][]) {
      const fields = await refusal(newEntryChange(request, context(geocode)));
      expect(fields.map((f) => f.field)).toEqual(['lat', 'lon']);
      expect(fields[0]!.message).toContain('Koordinaten fehlen');
      expect(fields[0]!.message).toContain(says);
    }
  });

  it('does not geocode when coordinates are typed', async () => {
    const change = await newEntryChange(
      { ...request, lat: 52.5, lon: 13.4 },
      context(async () => {
        throw new Error('not to be asked');
      }),
    );
    expect(change.placement?.facility?.location).toEqual({ lon: 13.4, lat: 52.5 });
  });
});
