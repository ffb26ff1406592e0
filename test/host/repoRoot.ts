import { resolve } from 'node:path';

/** The repository root, from out/test/host/ (compiled) where this module runs. */
export const repoRoot = resolve(__dirname, '..', '..', '..');
