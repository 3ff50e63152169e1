import { describe, expect, it } from 'vitest';
import { expectDomainError } from '../expect-domain-error.ts';
import { baseBatch } from '../fixtures.ts';
import type { CurrentStore } from '../store.contract.ts';

export function describeAccessRulesContract(store: CurrentStore): void {
  describe('data classes and disclosure rules', () => {
    it('stores a class for all levels and one per level, replaces and removes them, counting revisions', async () => {
      await store().applyBatch(baseBatch());
      const access = store().access;
      const start = await access.revision();
      await access.setIndicatorConfidentiality('population', 'internal');
      await access.setIndicatorConfidentiality('population', 'public', { levelId: 'kreis' });
      await access.setIndicatorConfidentiality('population', 'confidential');
      expect(await access.listDataClasses()).toMatchObject([
        { indicatorId: 'population', levelId: null, confidentiality: 'confidential', organisationId: null },
        { indicatorId: 'population', levelId: 'kreis', confidentiality: 'public' },
      ]);
      await access.setIndicatorConfidentiality('population', null);
      expect((await access.listDataClasses()).map((c) => c.levelId)).toEqual(['kreis']);
      expect(await access.revision()).toBe(start + 4);
    });

    it('scopes a class to an organisation and refuses unknown indicators, levels and organisations', async () => {
      await store().applyBatch(baseBatch());
      const access = store().access;
      await store().accounts.createOrganisation({ id: 'jugendamt', name: 'Jugendamt', kind: 'department' });
      await access.setIndicatorConfidentiality('unemployment_share', 'confidential', {
        organisationId: 'jugendamt',
      });
      expect((await access.listDataClasses())[0]).toMatchObject({ organisationId: 'jugendamt' });
      const before = await access.revision();
      await expectDomainError(access.setIndicatorConfidentiality('nope', 'internal'), 'IndicatorNotFound');
      await expectDomainError(
        access.setIndicatorConfidentiality('population', 'internal', { levelId: 'land' }),
        'LevelNotFound',
      );
      await expectDomainError(
        access.setIndicatorConfidentiality('population', 'internal', { organisationId: 'nobody' }),
        'ValidationFailed',
      );
      // A refused change changes nothing, the revision included.
      expect(await access.revision()).toBe(before);
      expect(await access.listDataClasses()).toHaveLength(1);
    });

    it('stores validated disclosure rules with their defaults and removes them', async () => {
      await store().applyBatch(baseBatch());
      const access = store().access;
      await access.setDisclosureRule('population', {
        minCount: 3,
        publishZeros: true,
        minPopulation: null,
        poolPeriods: null,
      });
      await access.setDisclosureRule('unemployment_share', {
        minCount: 5,
        publishZeros: false,
        minPopulation: { indicatorId: 'population', threshold: 100 },
        poolPeriods: null,
      });
      expect(await access.listDisclosureRules()).toMatchObject([
        { indicatorId: 'population', rule: { minCount: 3, publishZeros: true } },
        {
          indicatorId: 'unemployment_share',
          rule: {
            minCount: 5,
            publishZeros: false,
            minPopulation: { indicatorId: 'population', threshold: 100 },
          },
        },
      ]);
      await expectDomainError(
        access.setDisclosureRule('population', {
          minCount: 1,
          publishZeros: true,
          minPopulation: null,
          poolPeriods: null,
        }),
        'ValidationFailed',
      );
      await access.setDisclosureRule('population', null);
      expect((await access.listDisclosureRules()).map((r) => r.indicatorId)).toEqual(['unemployment_share']);
    });
  });
}
