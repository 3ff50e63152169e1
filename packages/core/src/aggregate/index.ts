export * from './aggregation-types.ts';
export * from './aggregation-links.ts';
export * from './aggregate-observations.ts';
export * from './recalculate-territorial-status.ts';
export * from './link-table.ts';
export * from './aggregate-frame.ts';
