// One import path for the small helpers.
export * from './money.ts';
export * from './dates.ts';
