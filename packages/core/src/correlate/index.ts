export * from './pearson.ts';
export * from './correlation-matrix.ts';
export * from './area-table.ts';
export * from './random.ts';
export * from './standardize.ts';
export * from './kmeans.ts';
export * from './area-typology.ts';
export * from './least-squares.ts';
