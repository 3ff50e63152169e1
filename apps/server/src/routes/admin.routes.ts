import { adminIndicatorRoutes } from './admin-indicators.routes.ts';
import { adminOrganisationRoutes } from './admin-organisations.routes.ts';
import { adminUserRoutes } from './admin-users.routes.ts';

/**
 * The administration API (permission `admin:manage`): organisations, users, data classes and
 * disclosure rules. Every change is recorded in the audit trail with its state before and after.
 */
export const adminRoutes = [...adminOrganisationRoutes, ...adminUserRoutes, ...adminIndicatorRoutes];
