export * from './warning-types.ts';
export * from './evaluate-warnings.ts';
