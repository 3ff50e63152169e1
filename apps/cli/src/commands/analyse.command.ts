import type { Command } from 'commander';
import type { Store } from '@lagebild/store';
import {
  createAnalysisService,
  DEMO_INDEX_PRESETS,
  DEMO_WARNING_RULES,
  parseReference,
  type AnalysisService,
} from '@lagebild/analysis';
import { aggregateTable, compareTable, indexTable, warningsTable } from './analyse.tables.ts';
import { commandSettings, withStore } from './common.ts';

interface CommonOptions {
  json?: boolean;
  presets: string[];
  rulesFile: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `lagebild analyse …`: the analysis engine on the command line, as tables or JSON. */
export function registerAnalyseCommand(program: Command): void {
  const analyse = program
    .command('analyse')
    .description('Analyse the data: composite indices, comparisons, aggregation and early warnings.');

  withCommon(analyse.command('index'))
    .description('Compute a composite index preset (e.g. berlin-mss-status) per area.')
    .argument('<preset>', 'preset id (see GET /api/v1/indices)')
    .requiredOption('--period <period>', 'period, e.g. 2018-12-31')
    .option('-l, --level <level>', 'level (default: the finest level with values)')
    .action(
      async (preset: string, options: CommonOptions & { period: string; level?: string }, command: Command) =>
        run(
          command,
          options,
          (a) => a.indexResult(preset, { period: options.period, level: options.level }),
          indexTable,
        ),
    );

  withCommon(analyse.command('compare'))
    .description('Compare each area with a reference, with confidence intervals where the counts allow.')
    .argument('<indicator>', 'indicator id')
    .requiredOption('-l, --level <level>', 'level id')
    .option('--period <period>', 'period (default: the latest)')
    .option('--reference <reference>', 'level | parent | <level>:<key>', 'level')
    .option('--confidence <percent>', '95 or 99.8', '95')
    .action(
      async (
        indicator: string,
        options: CommonOptions & { level: string; period?: string; reference: string; confidence: string },
        command: Command,
      ) =>
        run(
          command,
          options,
          (a) =>
            a.compare(indicator, {
              level: options.level,
              period: options.period,
              reference: parseReference(options.reference),
              confidence: Number(options.confidence) / 100,
            }),
          compareTable,
        ),
    );

  withCommon(analyse.command('aggregate'))
    .description('Aggregate an indicator to a coarser level by its aggregation rule.')
    .argument('<indicator>', 'indicator id')
    .requiredOption('--from <level>', 'the finer level')
    .requiredOption('--to <level>', 'the coarser level')
    .option('--period <period>', 'period (default: the latest)')
    .action(
      async (
        indicator: string,
        options: CommonOptions & { from: string; to: string; period?: string },
        command: Command,
      ) =>
        run(
          command,
          options,
          (a) =>
            a.aggregate(indicator, { fromLevel: options.from, toLevel: options.to, period: options.period }),
          aggregateTable,
        ),
    );

  withCommon(analyse.command('warnings'))
    .description('Evaluate the early-warning rules and list the flagged areas with every reason.')
    .option('--rules <ids>', 'only these rule ids, comma-separated')
    .option('--period <period>', "as of this period (default: each indicator's latest)")
    .action(async (options: CommonOptions & { rules?: string; period?: string }, command: Command) =>
      run(
        command,
        options,
        (a) => a.warnings({ rules: options.rules?.split(',').map((r) => r.trim()), period: options.period }),
        warningsTable,
      ),
    );
}

function withCommon(command: Command): Command {
  return command
    .option('--json', 'print the result as JSON')
    .option(
      '--presets <dir>',
      `index preset directory (repeatable; default ${DEMO_INDEX_PRESETS})`,
      collect,
      [],
    )
    .option(
      '--rules-file <file>',
      `warning rule file (repeatable; default ${DEMO_WARNING_RULES})`,
      collect,
      [],
    );
}

async function run<T>(
  command: Command,
  options: CommonOptions,
  analyse: (analysis: AnalysisService) => Promise<T>,
  format: (result: T) => string,
): Promise<void> {
  const settings = commandSettings(command);
  const result = await withStore(settings.database, (store) => analyse(serviceFor(store, options)));
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${format(result)}\n`);
}

function serviceFor(store: Store, options: CommonOptions): AnalysisService {
  return createAnalysisService({
    store,
    presetDirs: options.presets.length > 0 ? options.presets : [DEMO_INDEX_PRESETS],
    warningRuleFiles: options.rulesFile.length > 0 ? options.rulesFile : [DEMO_WARNING_RULES],
  });
}
