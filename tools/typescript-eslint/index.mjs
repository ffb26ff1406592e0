// See package.json's description: the project's eslint.config.mjs imports
// typescript-eslint from here, so that it runs on TypeScript 6's API.
export { default } from 'typescript-eslint';
