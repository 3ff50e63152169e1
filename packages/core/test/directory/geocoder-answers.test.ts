import { describe, expect, it } from 'vitest';
import { geocodedPlaces, geocoderSearchUrl, insideBox, type LonLatBox } from '../../src/index.ts';

const BERLIN: LonLatBox = [13.0883, 52.3382, 13.7611, 52.6755];

describe('geocoderSearchUrl', () => {
  it('limits Photon by bbox and Nominatim by a bounded viewbox', () => {
    expect(
      geocoderSearchUrl('photon', 'http://g/', 'Karl-Marx-Str. 10', { limit: 5, box: BERLIN, lang: 'de' }),
    ).toBe('http://g/api?q=Karl-Marx-Str.%2010&limit=5&bbox=13.0883,52.3382,13.7611,52.6755&lang=de');
    expect(geocoderSearchUrl('nominatim', 'http://g', 'Karl-Marx-Str. 10', { limit: 5, box: BERLIN })).toBe(
      'http://g/search?q=Karl-Marx-Str.%2010&limit=5&format=jsonv2&viewbox=13.0883,52.3382,13.7611,52.6755&bounded=1',
    );
    expect(geocoderSearchUrl('photon', 'http://g', 'a&b', { limit: 1 })).toBe('http://g/api?q=a%26b&limit=1');
  });
});

describe('geocodedPlaces', () => {
  it('labels Photon features from their address parts', () => {
    const body = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [13.4386, 52.4797] },
          properties: {
            street: 'Karl-Marx-Straße',
            housenumber: '10',
            postcode: '12043',
            city: 'Berlin',
            district: 'Neukölln',
            type: 'house',
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [13.4132, 52.5219] },
          properties: { name: 'Alexanderplatz', postcode: '10178', city: 'Berlin', district: 'Mitte' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [200, 52] },
          properties: { name: 'Broken' },
        },
        { type: 'Feature', geometry: null },
      ],
    };
    expect(geocodedPlaces('photon', body)).toEqual([
      { lon: 13.4386, lat: 52.4797, label: 'Karl-Marx-Straße 10, 12043 Berlin, Neukölln' },
      { lon: 13.4132, lat: 52.5219, label: 'Alexanderplatz, 10178 Berlin, Mitte' },
    ]);
  });

  it('reads Nominatim places with coordinates as text', () => {
    const body = [
      {
        place_id: 1,
        lat: '52.4797',
        lon: '13.4386',
        display_name: '10, Karl-Marx-Straße, Neukölln, Berlin, 12043, Deutschland',
      },
      { place_id: 2, lat: 'x', lon: '13' },
    ];
    expect(geocodedPlaces('nominatim', body)).toEqual([
      { lon: 13.4386, lat: 52.4797, label: '10, Karl-Marx-Straße, Neukölln, Berlin, 12043, Deutschland' },
    ]);
    expect(geocodedPlaces('nominatim', { error: 'x' })).toEqual([]);
    expect(geocodedPlaces('photon', [])).toEqual([]);
  });

  it('tells whether a point lies in the box', () => {
    expect(insideBox({ lon: 13.4, lat: 52.5 }, BERLIN)).toBe(true);
    expect(insideBox({ lon: 11.58, lat: 48.14 }, BERLIN)).toBe(false);
  });
});
