#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx lagebild` works from a fresh clone without a build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
