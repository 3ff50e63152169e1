export { buildApp, API_ROUTES } from './app.ts';
export type { AppContext } from './app-context.ts';
export { PendingImports } from './imports/pending-imports.ts';
export { SETTINGS, resolveSettings, type Settings, type SettingName } from './settings.ts';
export { buildOpenApi, API_PREFIX } from './http/openapi.ts';
export { PERMISSIONS, type Permission } from './http/route.ts';
export { startServer } from './start-server.ts';
export { createAppContext, type AppContextOptions } from './app-context-factory.ts';
