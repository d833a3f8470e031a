export * from './domain';
export * from './plans';
export * from './labels';
export * from './calendar';
export * from './sla-types';
export * from './sla';
export * from './lifecycle';
export * from './compliance';
