import { CONFIDENTIALITY_CLASSES, DomainError } from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { z } from 'zod';
import { checkDisclosureRule } from '../admin/disclosure-problems.ts';
import { defineRoute } from '../http/route.ts';

const TAGS = ['Administration'];
const idParams = z.object({ id: z.string().min(1) });

const ruleSchema = z
  .object({
    minCount: z.number().nullable(),
    publishZeros: z.boolean(),
    minPopulation: z.object({ indicatorId: z.string(), threshold: z.number() }).nullable(),
    poolPeriods: z.number().nullable(),
  })
  .meta({ id: 'DisclosureRule' });
const dataClassSchema = z.object({
  levelId: z.string().nullable(),
  confidentiality: z.enum(CONFIDENTIALITY_CLASSES),
  organisationId: z.string().nullable(),
  updatedAt: z.string(),
});

/** Data classes (public, internal, confidential) and disclosure rules of indicators. */
export const adminIndicatorRoutes = [
  defineRoute({
    method: 'GET',
    path: '/admin/indicators',
    operationId: 'listIndicatorAccess',
    summary:
      'Every indicator with its catalogue class, the classes set by administrators and its disclosure rule',
    tags: TAGS,
    permission: 'admin:manage',
    response: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        topic: z.string(),
        catalogueConfidentiality: z.enum(CONFIDENTIALITY_CLASSES),
        dataClasses: z.array(dataClassSchema),
        disclosureRule: ruleSchema.nullable(),
      }),
    ),
    handler: async ({ ctx }) => {
      const [indicators, classes, rules] = await Promise.all([
        ctx.store.listIndicators(),
        ctx.store.access.listDataClasses(),
        ctx.store.access.listDisclosureRules(),
      ]);
      return indicators.map((i) => ({
        id: i.id,
        name: i.name,
        topic: i.topic,
        catalogueConfidentiality: i.confidentiality,
        dataClasses: classes
          .filter((c) => c.indicatorId === i.id)
          .map(({ levelId, confidentiality, organisationId, updatedAt }) => ({
            levelId,
            confidentiality,
            organisationId,
            updatedAt,
          })),
        disclosureRule: rules.find((r) => r.indicatorId === i.id)?.rule ?? null,
      }));
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/admin/disclosure-rules',
    operationId: 'listDisclosureRules',
    summary: 'The disclosure rules set by administrators, by indicator',
    tags: TAGS,
    permission: 'admin:manage',
    response: z.array(z.object({ indicatorId: z.string(), rule: ruleSchema, updatedAt: z.string() })),
    handler: async ({ ctx }) => ctx.store.access.listDisclosureRules(),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/indicators/{id}/confidentiality',
    operationId: 'setIndicatorConfidentiality',
    summary: 'Set the data class of an indicator (on all levels, or on one with levelId)',
    description:
      "`confidentiality: null` removes the class set here, so the catalogue's class (or the class for all levels) holds again. With `organisationId`, internal or confidential data is shown only to members of that organisation (and to administrators and the statistics office).",
    tags: TAGS,
    permission: 'admin:manage',
    params: idParams,
    body: z.object({
      confidentiality: z.enum(CONFIDENTIALITY_CLASSES).nullable(),
      levelId: z.string().min(1).nullable().optional(),
      organisationId: z.string().min(1).nullable().optional(),
    }),
    response: z.object({ indicatorId: z.string(), dataClasses: z.array(dataClassSchema) }),
    handler: async ({ params, body, ctx, request }) => {
      const indicator = await indicatorOrFail(ctx.store, params.id);
      const levelId = body.levelId ?? null;
      const organisationId = body.confidentiality === null ? null : (body.organisationId ?? null);
      const before = await dataClassOf(ctx.store, params.id, levelId);
      await ctx.store.access.setIndicatorConfidentiality(params.id, body.confidentiality, {
        levelId,
        organisationId,
      });
      const after = await dataClassOf(ctx.store, params.id, levelId);
      const where = levelId ? ` on level ${levelId}` : '';
      const scope = organisationId ? ` for organisation ${organisationId}` : '';
      const state = (found: typeof before) => ({
        levelId,
        confidentiality: found?.confidentiality ?? null,
        organisationId: found?.organisationId ?? null,
        catalogue: indicator.confidentiality,
      });
      await ctx.audit.record(request, {
        action: 'indicator.classify',
        targetType: 'indicator',
        targetId: params.id,
        summary: `Data class of ${indicator.name} (${params.id})${where} set to ${body.confidentiality ?? `the catalogue's (${indicator.confidentiality})`}${scope}`,
        before: state(before),
        after: state(after),
      });
      const dataClasses = (await ctx.store.access.listDataClasses()).filter(
        (c) => c.indicatorId === params.id,
      );
      return { indicatorId: params.id, dataClasses: dataClasses.map(({ indicatorId: _, ...rest }) => rest) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/indicators/{id}/disclosure-rule',
    operationId: 'setDisclosureRule',
    summary: 'Set or remove the disclosure rule of an indicator',
    description:
      'Checked with the rules of the disclosure engine; every problem is listed in `details.problems` and, per field, in `details.fields`. `rule: null` removes the rule.',
    tags: TAGS,
    permission: 'admin:manage',
    params: idParams,
    body: z.object({ rule: z.unknown() }),
    response: z.object({ indicatorId: z.string(), rule: ruleSchema.nullable() }),
    handler: async ({ params, body, ctx, request }) => {
      const indicator = await indicatorOrFail(ctx.store, params.id);
      const rule = body.rule === null || body.rule === undefined ? null : checkDisclosureRule(body.rule);
      const before = await ruleOf(ctx.store, params.id);
      await ctx.store.access.setDisclosureRule(params.id, rule);
      await ctx.audit.record(request, {
        action: 'disclosure.rule',
        targetType: 'indicator',
        targetId: params.id,
        summary: rule
          ? `Disclosure rule of ${indicator.name} (${params.id}) set`
          : `Disclosure rule of ${indicator.name} (${params.id}) removed`,
        before,
        after: rule,
      });
      return { indicatorId: params.id, rule };
    },
  }),
];

async function indicatorOrFail(store: Store, id: string) {
  const indicator = await store.getIndicator(id);
  if (!indicator) throw new DomainError('IndicatorNotFound', `No indicator "${id}".`);
  return indicator;
}

async function dataClassOf(store: Store, indicatorId: string, levelId: string | null) {
  return (await store.access.listDataClasses()).find(
    (c) => c.indicatorId === indicatorId && c.levelId === levelId,
  );
}

async function ruleOf(store: Store, indicatorId: string) {
  return (await store.access.listDisclosureRules()).find((r) => r.indicatorId === indicatorId)?.rule ?? null;
}
