// Types of search-core.js for the TypeScript that builds the index (loaders/site/search.ts) and tests it.
export function fold(text: string): string;
export function bigrams(folded: string): string[];
export function shardOf(bigram: string, shards: number): number;
export function shardName(i: number): string;
export function encodePostings(ids: number[], plans: number): string;
export function decodePostings(text: string, plans: number): number[];
export function textName(i: number): string;
