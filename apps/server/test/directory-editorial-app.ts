import type { FastifyInstance } from 'fastify';
import type { Store } from '@lagebild/store';
import { hashPassword } from '../src/auth/password.ts';
import { signInAs, TEST_PASSWORD } from './helpers.ts';

/**
 * A provider organisation `traeger-<suffix>` linked to one Träger, with its editor
 * `redaktion-<suffix>` signed in: the headers that editor's browser sends.
 */
export async function signInProviderEditor(
  app: FastifyInstance,
  store: Store,
  providerId: string,
  suffix: string,
): Promise<Record<string, string>> {
  const organisationId = `traeger-${suffix}`;
  const login = `redaktion-${suffix}`;
  await store.accounts.createOrganisation({
    id: organisationId,
    name: `Träger ${suffix.toUpperCase()}`,
    kind: 'provider',
  });
  await store.accounts.createUser({
    login,
    displayName: `Redaktion ${suffix.toUpperCase()}`,
    passwordHash: await hashPassword(TEST_PASSWORD),
    roles: ['provider_editor'],
    organisationId,
  });
  await store.directoryEditorial.linkProvider(providerId, organisationId);
  return signInAs(app, store, 'provider_editor', login);
}
