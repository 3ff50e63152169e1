export * from './pipeline/source-file.ts';
export * from './pipeline/import-mapping.ts';
export * from './pipeline/plan-import.ts';
export * from './pipeline/run-import.ts';
export * from './pipeline/import-files.ts';
export * from './pipeline/load-files.ts';
export { detectFormat } from './readers/detect-format.ts';
export * from './exporters/index.ts';
export * from './pipeline/geocoder.ts';
