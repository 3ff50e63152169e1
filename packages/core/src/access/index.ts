export * from './roles.ts';
export * from './principal.ts';
export * from './access-policy.ts';
