import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@lagebild/store';
import { directoryBatch, kitaDelivery } from '../../../packages/store/test/directory-fixtures.ts';
import { cliSandbox } from './cli-runner.ts';

const sandbox = cliSandbox('lagebild-cli-provider-');

describe('lagebild organisation link-provider and unlink-provider', () => {
  beforeAll(async () => {
    const store = await openStore(sandbox.database);
    await store.migrate();
    await store.applyBatch(directoryBatch(kitaDelivery()));
    await store.close();
    expect(sandbox.run('organisation', 'create', 'diakonie', 'Diakonie Süd', '--kind', 'provider').code).toBe(
      0,
    );
    expect(sandbox.run('organisation', 'create', 'kreis', 'Landkreis', '--kind', 'kreis').code).toBe(0);
  });
  afterAll(() => sandbox.remove());

  it('links a Träger to a provider organisation, refusing other kinds and unknown Träger', async () => {
    const wrongKind = sandbox.run('organisation', 'link-provider', 'kreis', 'p1');
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain('of kind "kreis"');
    const unknown = sandbox.run('organisation', 'link-provider', 'diakonie', 'p9');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No directory provider "p9"');

    const linked = sandbox.run('organisation', 'link-provider', 'diakonie', 'p1');
    expect(linked).toMatchObject({ code: 0, stderr: '' });
    expect(linked.stdout).toBe('Träger p1 linked to organisation diakonie.\n');
    const store = await openStore(sandbox.database);
    try {
      expect(await store.directoryEditorial.listProviderLinks()).toMatchObject([
        { providerId: 'p1', organisationId: 'diakonie' },
      ]);
      const [event] = (await store.audit.search({ action: 'provider.link', limit: 1 })).events;
      expect(event).toMatchObject({
        via: 'cli',
        targetId: 'p1',
        before: { organisationId: null },
        after: { organisationId: 'diakonie' },
      });
    } finally {
      await store.close();
    }
  });

  it('unlinks, audited, and names a Träger that is not linked', async () => {
    const unlinked = sandbox.run('organisation', 'unlink-provider', 'p1');
    expect(unlinked.stdout).toBe('Träger p1 no longer linked to organisation diakonie.\n');
    const again = sandbox.run('organisation', 'unlink-provider', 'p1');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Träger "p1" is not linked to any organisation.');
    const audit = sandbox.run('audit', '--action', 'provider.');
    expect(audit.stdout).toContain('provider.unlink');
    expect(audit.stdout).toContain('provider.link');
  });
});
