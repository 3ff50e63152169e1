import { adminIndicatorRoutes } from './admin-indicators.routes.ts';
import { adminOrganisationRoutes } from './admin-organisations.routes.ts';
import { adminProviderRoutes } from './admin-providers.routes.ts';
import { adminUserRoutes } from './admin-users.routes.ts';

/**
 * The administration API (permission `admin:manage`): organisations, users, data classes,
 * disclosure rules and the links of Wegweiser Träger to provider organisations. Every change is
 * recorded in the audit trail with its state before and after.
 */
export const adminRoutes = [
  ...adminOrganisationRoutes,
  ...adminUserRoutes,
  ...adminIndicatorRoutes,
  ...adminProviderRoutes,
];
