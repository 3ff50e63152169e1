import { Command, CommanderError } from 'commander';
import { isDomainError } from '@lagebild/core';
import { SETTINGS } from '@lagebild/server/settings';
import { registerAnalyseCommand } from './commands/analyse.command.ts';
import { registerBackupCommands } from './commands/backup.command.ts';
import { registerBatchCommands } from './commands/batches.command.ts';
import { registerDemoCommand } from './commands/demo.command.ts';
import { registerDirectoryCommands } from './commands/directory.command.ts';
import { registerExportCommand } from './commands/export.command.ts';
import { registerImportCommand } from './commands/import.command.ts';
import { registerInitCommand } from './commands/init.command.ts';
import { registerServeCommand } from './commands/serve.command.ts';
import { registerUserCommands } from './commands/user.command.ts';
import { registerAuditCommand } from './commands/audit.command.ts';

/** Builds the `lagebild` program; commands live one per file in ./commands. */
export function buildProgram(): Command {
  const program = new Command('lagebild')
    .description('Lagebild: the data hub for integrated social planning.')
    .option('-d, --database <url>', `${SETTINGS.database.description} [env ${SETTINGS.database.env}]`)
    .showHelpAfterError()
    .exitOverride();
  registerInitCommand(program);
  registerServeCommand(program);
  registerDemoCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerBatchCommands(program);
  registerAnalyseCommand(program);
  registerBackupCommands(program);
  registerUserCommands(program);
  registerDirectoryCommands(program);
  registerAuditCommand(program);
  return program;
}

/** Runs the CLI; returns the exit code. Domain errors print their message, not a stack trace. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    // Commands signal "done, but with findings" (e.g. a dry run with errors) through process.exitCode.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isDomainError(error)) {
      process.stderr.write(`lagebild: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`lagebild: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
