export {
  CLASSIFY_METHODS,
  classify,
  classIndex,
  type BreakStrategy,
  type Classification,
  type ClassifyMethodName,
  type ClassifyOptions,
} from './classify.ts';
export { rankClasses } from './rank-classes.ts';
export type { SdKind } from './statistics.ts';
