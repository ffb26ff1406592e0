/** Public API of src/core/regions for the extension and the CLI (pure: no vscode). */
export { createLineRegion, createRegion, type RegionOrigin } from './create';
export { FileRegions } from './fileRegions';
export type { TextChange } from './positions';
export { reanchorRegions } from './reanchor';
export { aiLineCount, aiLines, type AiRegion, humanModifiedLines, type RegionSource } from './region';
export type { EditAttribution } from './tracking';
