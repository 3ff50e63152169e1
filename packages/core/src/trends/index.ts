export * from './period-time.ts';
export * from './series.ts';
export * from './change.ts';
export * from './chi-square.ts';
export * from './recent-trend.ts';
export * from './trend-assessment.ts';
export * from './class-transitions.ts';
