import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../src/admin/admin-api.ts';
import { passwordReason, translator } from '../src/admin/admin.i18n.ts';
import { auditDiff } from '../src/admin/audit-diff.ts';
import { ruleOf } from '../src/admin/rule-editor.tsx';
import { bodyOf, EMPTY_USER } from '../src/admin/user-form.tsx';
import { RequestFailed } from '../src/lib/session.ts';

describe('auditDiff', () => {
  it('lists only the changed fields, nested ones by path', () => {
    expect(
      auditDiff(
        { login: 'anna', roles: ['reader'], rule: { minCount: 3, minPopulation: null } },
        {
          login: 'anna',
          roles: ['planner', 'reader'],
          rule: { minCount: 5, minPopulation: { threshold: 100 } },
        },
      ),
    ).toEqual([
      { field: 'roles', before: 'reader', after: 'planner, reader' },
      { field: 'rule.minCount', before: '3', after: '5' },
      { field: 'rule.minPopulation.threshold', before: '', after: '100' },
    ]);
  });

  it('shows every field of a creation or a deletion, and a plain value as "value"', () => {
    expect(auditDiff(null, { id: 'nord', parentId: null })).toEqual([
      { field: 'id', before: '', after: 'nord' },
    ]);
    expect(auditDiff({ id: 'nord' }, null)).toEqual([{ field: 'id', before: 'nord', after: '' }]);
    expect(auditDiff('public', 'internal')).toEqual([
      { field: 'value', before: 'public', after: 'internal' },
    ]);
    expect(auditDiff(null, null)).toEqual([]);
  });
});

describe('form bodies', () => {
  it('turns the typed rule into what the server checks, passing bad text through for its message', () => {
    expect(
      ruleOf({ minCount: '3', publishZeros: false, populationIndicator: '', threshold: '', poolPeriods: '' }),
    ).toEqual({ minCount: 3, publishZeros: false, minPopulation: null, poolPeriods: null });
    expect(
      ruleOf({
        minCount: 'drei',
        publishZeros: true,
        populationIndicator: 'einwohner',
        threshold: '',
        poolPeriods: '2',
      }),
    ).toEqual({
      minCount: 'drei',
      publishZeros: true,
      minPopulation: { indicatorId: 'einwohner', threshold: null },
      poolPeriods: 2,
    });
  });

  it('splits topics and areas typed as comma-separated text', () => {
    expect(
      bodyOf({
        ...EMPTY_USER,
        roles: ['gemeinde_user'],
        topics: ' Jugend, ,Alter ',
        areas: 'gemeinde:01001, 01002',
      }),
    ).toEqual({
      displayName: undefined,
      roles: ['gemeinde_user'],
      organisationId: null,
      topics: ['Jugend', 'Alter'],
      areas: [
        { levelId: 'gemeinde', key: '01001' },
        { levelId: '', key: '01002' },
      ],
    });
  });

  it("maps the server's complaints to fields", () => {
    const zod = new RequestFailed(400, 'ValidationFailed', 'password: too short', [
      { path: 'password', message: 'too short' },
    ]);
    expect(fieldErrors(zod)).toEqual({ password: 'too short', '': 'password: too short' });
    const rule = new RequestFailed(400, 'ValidationFailed', 'invalid disclosure rule: …', {
      problems: ['a', 'b', 'c'],
      fields: { minCount: ['a'], 'minPopulation.threshold': ['b'], rule: ['c'] },
    });
    expect(fieldErrors(rule)).toEqual({
      minCount: 'a',
      'minPopulation.threshold': 'b',
      rule: 'c',
      '': 'invalid disclosure rule: …',
    });
    expect(fieldErrors(new Error('offline'))).toEqual({ '': 'offline' });
  });
});

describe('passwordReason', () => {
  it('words the password policy in the page language, passing unknown reasons through', () => {
    const de = translator('de');
    expect(passwordReason(de, 'The password must have at least 12 characters.')).toBe(
      'Das Passwort braucht mindestens 12 Zeichen.',
    );
    expect(passwordReason(translator('en'), 'This password is too common; choose another one.')).toBe(
      'This password is too common; please choose another one.',
    );
    expect(passwordReason(de, 'something else')).toBe('something else');
    expect(passwordReason(de, undefined)).toBeUndefined();
  });
});
