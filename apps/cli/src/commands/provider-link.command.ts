import type { Command } from 'commander';
import { DomainError } from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { commandSettings, withStore } from './common.ts';

/**
 * `lagebild organisation link-provider|unlink-provider`: which provider organisation's editors
 * maintain the Wegweiser entries of a Träger. Recorded in the audit trail like the web administration.
 */
export function registerProviderLinkCommands(organisation: Command): void {
  organisation
    .command('link-provider')
    .description(
      "Let the editors of a provider organisation maintain a Träger's Wegweiser entries (replaces an earlier link).",
    )
    .argument('<organisationId>', 'an organisation of kind provider')
    .argument('<providerId>', 'the Träger id of the directory source')
    .action(async (organisationId: string, providerId: string, _options, command: Command) => {
      await withStore(commandSettings(command).database, async (store) => {
        const before = await linkedOrganisation(store, providerId);
        // The store refuses an unknown Träger or organisation and an organisation of another kind.
        await store.directoryEditorial.linkProvider(providerId, organisationId);
        await store.audit.record({
          via: 'cli',
          action: 'provider.link',
          targetType: 'provider',
          targetId: providerId,
          summary: `Träger ${providerId} linked to organisation ${organisationId} on the command line`,
          before: { providerId, organisationId: before },
          after: { providerId, organisationId },
        });
        process.stdout.write(`Träger ${providerId} linked to organisation ${organisationId}.\n`);
      });
    });
  organisation
    .command('unlink-provider')
    .description('Remove the link of a Träger to its organisation.')
    .argument('<providerId>', 'the Träger id of the directory source')
    .action(async (providerId: string, _options, command: Command) => {
      await withStore(commandSettings(command).database, async (store) => {
        const before = await linkedOrganisation(store, providerId);
        if (before === null)
          throw new DomainError(
            'ValidationFailed',
            `Träger "${providerId}" is not linked to any organisation.`,
          );
        await store.directoryEditorial.unlinkProvider(providerId);
        await store.audit.record({
          via: 'cli',
          action: 'provider.unlink',
          targetType: 'provider',
          targetId: providerId,
          summary: `Träger ${providerId} no longer linked to organisation ${before} on the command line`,
          before: { providerId, organisationId: before },
          after: { providerId, organisationId: null },
        });
        process.stdout.write(`Träger ${providerId} no longer linked to organisation ${before}.\n`);
      });
    });
}

async function linkedOrganisation(store: Store, providerId: string): Promise<string | null> {
  const links = await store.directoryEditorial.listProviderLinks();
  return links.find((l) => l.providerId === providerId)?.organisationId ?? null;
}
