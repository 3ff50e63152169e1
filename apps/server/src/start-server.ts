import { openStore } from '@lagebild/store';
import { DEMO_INDEX_PRESETS, DEMO_PYRAMIDS, DEMO_WARNING_RULES } from '@lagebild/analysis';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { createAppContext } from './app-context-factory.ts';
import { oidcConfigFrom } from './auth/oidc/oidc-config.ts';
import type { Settings } from './settings.ts';

export const VERSION = '0.1.0';

/** Opens the store, migrates it and listens. Returns the app so the caller can close it. */
export async function startServer(settings: Settings): Promise<FastifyInstance> {
  const store = await openStore(settings.database);
  await store.migrate();
  const app = await buildApp(
    createAppContext(store, {
      version: VERSION,
      uploadLimitBytes: settings.uploadLimitMb * 1024 * 1024,
      presetDirs: listSetting(settings.indexPresets, DEMO_INDEX_PRESETS),
      warningRuleFiles: listSetting(settings.warningRules, DEMO_WARNING_RULES),
      directoryCategoriesFile: settings.directoryCategories || undefined,
      directorySynonymsFile: settings.directorySynonyms || undefined,
      pyramidFiles: listSetting(settings.pyramids, DEMO_PYRAMIDS),
      sessionIdleMinutes: settings.sessionIdleMinutes,
      oidc: oidcConfigFrom(settings),
      directoryVerifyMonths: settings.directoryVerifyMonths,
      ...wegweiserServices(settings),
    }),
    {
      logger: settings.logLevel === 'silent' ? false : { level: settings.logLevel },
      logRequests: settings.logLevel === 'debug' || settings.logLevel === 'trace',
    },
  );
  app.addHook('onClose', async () => store.close());
  await app.listen({ port: settings.port, host: settings.host });
  return app;
}

/** A comma-separated list setting; empty means the shipped default. */
function listSetting(value: string, fallback: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 0 ? items : [fallback];
}

/** Routing and geocoder of the Wegweiser, where their settings name a service. */
function wegweiserServices(settings: Settings) {
  const box = settings.geocoderBbox ? settings.geocoderBbox.split(',').map(Number) : undefined;
  return {
    routing: settings.routingUrl
      ? {
          url: settings.routingUrl,
          profiles: settings.routingProfiles.split(','),
          timeoutMs: settings.routingTimeoutMs,
        }
      : undefined,
    geocoder: settings.geocoderUrl
      ? {
          service: settings.geocoderService,
          url: settings.geocoderUrl,
          box: box as [number, number, number, number] | undefined,
        }
      : undefined,
  };
}
