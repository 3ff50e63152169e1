import type { Command } from 'commander';
import { commandSettings, withStore } from './common.ts';

export function registerBatchCommands(program: Command): void {
  program
    .command('batches')
    .description('List import batches, newest first.')
    .action(async (_options, command: Command) => {
      const settings = commandSettings(command);
      await withStore(settings.database, async (store) => {
        for (const b of await store.listBatches()) {
          const obs = b.diff.observations;
          process.stdout.write(
            `${String(b.id).padStart(4)}  ${b.createdAt}  ${b.status.padEnd(7)}  ${b.format.padEnd(16)} ${b.file}  (+${obs.inserted} ~${obs.updated} values)\n`,
          );
        }
      });
    });
  program
    .command('undo')
    .description('Undo a whole import batch, restoring the state before it.')
    .argument('<batch>', 'batch id (see `lagebild batches`)')
    .action(async (batch: string, _options, command: Command) => {
      const settings = commandSettings(command);
      await withStore(settings.database, async (store) => {
        const undone = await store.undoBatch(Number(batch));
        process.stdout.write(`Batch ${undone.id} (${undone.file}) undone.\n`);
      });
    });
}
