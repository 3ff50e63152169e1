export * from './roles.ts';
export * from './principal.ts';
export * from './access-policy.ts';
export * from './data-class.ts';
export * from './area-scope.ts';
