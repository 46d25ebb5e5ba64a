import type { Plugin } from 'esbuild';

export function markSchemasPure(source: string): { contents: string; wrapped: number } | null;
export const treeShakableSdkSchemas: Plugin;
