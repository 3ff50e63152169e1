export * from './pyramid-definition.ts';
export * from './pyramid-shape.ts';
