/** Public API of src/core/store for the extension and the CLI (pure: no vscode). */
export { moveRegions } from './moveRegions';
export { RegionStore, type StoreChange, type WriteState } from './regionStore';
export { STORE_FILE_NAME } from './storeFile';
