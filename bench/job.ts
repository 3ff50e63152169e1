// Child-process entry: `node --import tsx bench/job.ts '{"job": "...", "params": {...}}'`.
// Runs one job and prints its result line (see harness.ts). Started by bench/run.ts, not by hand.
import { reportFromChild, type JobOutcome, type JobSpec } from './harness.ts';
import { accessApi, type AccessApiParams } from './jobs/access-api.ts';
import { accessSetup, type AccessSetupParams } from './jobs/access-setup.ts';
import { analysisDuckDb, type AnalysisDuckDbParams } from './jobs/analysis-duckdb.ts';
import { analysisLagebild, type AnalysisLagebildParams } from './jobs/analysis-lagebild.ts';
import { atlasBrowser, type AtlasBrowserParams } from './jobs/atlas-browser.ts';
import { csvDuckDb, type CsvDuckDbParams } from './jobs/csv-duckdb.ts';
import { csvLagebild, type CsvLagebildParams } from './jobs/csv-lagebild.ts';
import { directoryApi, type DirectoryApiParams } from './jobs/directory-api.ts';
import { directoryCore, type DirectoryCoreParams } from './jobs/directory-core.ts';
import { directorySql, type DirectorySqlParams } from './jobs/directory-sql.ts';
import { disclosureLagebild, type DisclosureLagebildParams } from './jobs/disclosure-lagebild.ts';
import { genesisDuckDb, type GenesisDuckDbParams } from './jobs/genesis-duckdb.ts';
import { genesisLagebild, type GenesisLagebildParams } from './jobs/genesis-lagebild.ts';
import { setup, type SetupParams } from './jobs/setup.ts';

const JOBS: Record<string, (params: never) => Promise<JobOutcome>> = {
  setup: (p: SetupParams) => setup(p),
  'csv-lagebild': (p: CsvLagebildParams) => csvLagebild(p),
  'csv-duckdb': (p: CsvDuckDbParams) => csvDuckDb(p),
  'genesis-lagebild': (p: GenesisLagebildParams) => genesisLagebild(p),
  'genesis-duckdb': (p: GenesisDuckDbParams) => genesisDuckDb(p),
  'analysis-lagebild': (p: AnalysisLagebildParams) => analysisLagebild(p),
  'analysis-duckdb': (p: AnalysisDuckDbParams) => analysisDuckDb(p),
  'directory-api': (p: DirectoryApiParams) => directoryApi(p),
  'directory-core': (p: DirectoryCoreParams) => directoryCore(p),
  'directory-sql': (p: DirectorySqlParams) => directorySql(p),
  'disclosure-lagebild': (p: DisclosureLagebildParams) => disclosureLagebild(p),
  'atlas-browser': (p: AtlasBrowserParams) => atlasBrowser(p),
  'access-setup': (p: AccessSetupParams) => accessSetup(p),
  'access-api': (p: AccessApiParams) => accessApi(p),
};

const spec = JSON.parse(process.argv[2] ?? '{}') as JobSpec;
const run = JOBS[spec.job];
if (!run) throw new Error(`unknown job "${spec.job}" (known: ${Object.keys(JOBS).join(', ')})`);
reportFromChild(spec.job, await run(spec.params as never));
