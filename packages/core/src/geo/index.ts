export * from './bbox.ts';
export * from './round.ts';
export * from './merge.ts';
export * from './simplify.ts';
export * from './point-in-polygon.ts';
