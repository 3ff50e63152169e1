export * from './formula-ast.ts';
export * from './parse-formula.ts';
export * from './tokenize-formula.ts';
export * from './evaluate-formula.ts';
export * from './observation-value.ts';
export * from './round-half-away.ts';
export * from './derived-graph.ts';
export * from './recompute-derived.ts';
