import type { Command } from 'commander';
import { commandSettings, withStore } from './common.ts';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('Create the database (or bring its schema up to date).')
    .action(async (_options, command: Command) => {
      const settings = commandSettings(command);
      await withStore(settings.database, async (store) => {
        process.stdout.write(`Database ready: ${settings.database} (${store.dialect})\n`);
      });
    });
}
