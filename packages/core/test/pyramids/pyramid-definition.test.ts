import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';
import { parsePyramidDefinitions } from '../../src/pyramids/index.ts';

const band = (ageFrom: number, ageTo: number | null, n: string) => ({
  label: ageTo === null ? `${ageFrom} und mehr` : `${ageFrom} bis unter ${ageTo}`,
  ageFrom,
  ageTo,
  male: `m_${n}`,
  female: `w_${n}`,
});

const valid = () => ({
  pyramids: [
    {
      id: 'drei-baender',
      name: 'Drei Bänder',
      openBandTo: 100,
      bands: [band(0, 3, 'a'), band(3, 65, 'b'), band(65, null, 'c')],
    },
  ],
});

/** The message of the error `parse` throws. */
function messageOf(raw: unknown): string {
  try {
    parsePyramidDefinitions(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('ValidationFailed');
    return (error as DomainError).message;
  }
  throw new Error('no error');
}

describe('pyramid definitions', () => {
  it('reads bands in order with their indicators and the drawn end of the open band', () => {
    const [pyramid] = parsePyramidDefinitions(valid());
    expect(pyramid).toEqual({
      id: 'drei-baender',
      name: 'Drei Bänder',
      nameEn: null,
      description: null,
      source: null,
      openBandTo: 100,
      bands: [
        { label: '0 bis unter 3', labelEn: null, ageFrom: 0, ageTo: 3, male: 'm_a', female: 'w_a' },
        { label: '3 bis unter 65', labelEn: null, ageFrom: 3, ageTo: 65, male: 'm_b', female: 'w_b' },
        { label: '65 und mehr', labelEn: null, ageFrom: 65, ageTo: null, male: 'm_c', female: 'w_c' },
      ],
    });
  });

  it('names the entry and the field of every mistake', () => {
    const edit = (change: (p: ReturnType<typeof valid>['pyramids'][number]) => void) => {
      const raw = valid();
      change(raw.pyramids[0]!);
      return messageOf(raw);
    };
    expect(messageOf({})).toBe('pyramids: expected a non-empty list of pyramids, found nothing');
    expect(edit((p) => Object.assign(p, { id: 'Große Pyramide' }))).toMatch(
      /^pyramids\[0\]\.id: expected lower-case/,
    );
    expect(edit((p) => Object.assign(p, { colour: 'blue' }))).toMatch(
      /^pyramids\[0\]\.colour: expected one of id, name/,
    );
    expect(edit((p) => Object.assign(p.bands[1]!, { ageFrom: 4 }))).toBe(
      'pyramids[0].bands[1].ageFrom: expected 3 (where the band before ends), found 4',
    );
    expect(edit((p) => Object.assign(p.bands[0]!, { ageFrom: 1 }))).toMatch(
      /^pyramids\[0\]\.bands\[0\]\.ageFrom: expected 0/,
    );
    expect(edit((p) => Object.assign(p.bands[1]!, { ageTo: 2 }))).toMatch(
      /^pyramids\[0\]\.bands\[1\]\.ageTo: expected an age above ageFrom \(3\)/,
    );
    expect(edit((p) => Object.assign(p.bands[1]!, { ageTo: 3.5 }))).toMatch(
      /^pyramids\[0\]\.bands\[1\]\.ageTo: expected a whole number/,
    );
    expect(edit((p) => Object.assign(p.bands[2]!, { female: 'w_a' }))).toBe(
      'pyramids[0].bands[2].female: expected an indicator not used by another band, found "w_a"',
    );
    expect(edit((p) => Object.assign(p.bands[2]!, { male: '' }))).toBe(
      'pyramids[0].bands[2].male: expected a non-empty text, found ""',
    );
    expect(edit((p) => Object.assign(p, { openBandTo: undefined }))).toMatch(
      /^pyramids\[0\]\.openBandTo: expected an age above 65 up to which the open last band is drawn/,
    );
    // only the last band may be open
    expect(edit((p) => Object.assign(p.bands[1]!, { ageTo: null }))).toMatch(
      /^pyramids\[0\]\.bands\[2\]\.ageFrom: expected no band after an open band/,
    );
    expect(edit((p) => Object.assign(p, { bands: [band(0, null, 'a')] }))).toMatch(
      /^pyramids\[0\]\.bands: expected a list of at least 2 bands/,
    );
  });

  it('refuses an id used twice', () => {
    const raw = valid();
    raw.pyramids.push({ ...raw.pyramids[0]! });
    expect(messageOf(raw)).toBe('pyramid id "drei-baender" is used twice');
  });

  it('ignores openBandTo when the last band is closed', () => {
    const raw = valid();
    raw.pyramids[0]!.bands[2] = band(65, 120, 'c');
    expect(parsePyramidDefinitions(raw)[0]!.openBandTo).toBeNull();
  });
});
