import type { ts } from 'ts-morph';

/** The TypeScript compiler API as bundled by ts-morph, passed in so it loads only when needed. */
export type TypeScriptApi = typeof ts;
export type { ts };
