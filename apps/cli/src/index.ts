export { buildProgram, main } from './main.ts';
export { loadDemo, DEMO_MANIFEST } from './commands/demo.command.ts';
export { importWithMapping } from './commands/import.command.ts';
