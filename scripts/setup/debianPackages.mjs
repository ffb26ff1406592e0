// The one list of system (Debian/Ubuntu) packages this project needs. `npm start`,
// `npm test` and `.ci/run` install the missing ones through scripts/setup/main.mjs.
// Add a package here, with the reason and the steps that need it:
//   'start' and 'test'  the command that needs it on every run;
//   'editorBuild'       only while the cached editor (code-server) is being built.

/**
 * @typedef {'start' | 'test' | 'editorBuild'} SetupStep
 * @typedef {object} DebianPackage
 * @property {string} name the Debian package
 * @property {SetupStep[]} neededBy
 * @property {string} why
 * @property {(env: NodeJS.ProcessEnv) => boolean} [providedOtherwise] true when the environment already offers what it is for
 */

/** @type {DebianPackage[]} */
export const debianPackages = [
  { name: 'git', neededBy: ['start', 'test'], why: 'the demo and test workspaces are real git repositories' },
  {
    name: 'chromium',
    neededBy: ['test'],
    why: 'the headless browser the tests drive the workbench with',
    providedOtherwise: (env) => Boolean(env.AI_PROVENANCE_CHROMIUM),
  },
  { name: 'build-essential', neededBy: ['editorBuild'], why: "make and g++ for code-server's native modules" },
  { name: 'python3', neededBy: ['editorBuild'], why: 'node-gyp' },
  { name: 'pkg-config', neededBy: ['editorBuild'], why: "code-server's native module builds" },
  { name: 'libkrb5-dev', neededBy: ['editorBuild'], why: "the Kerberos headers for code-server's kerberos module" },
  { name: 'pre-commit', neededBy: ['test'], why: "the hook-chaining unit tests run the pre-commit framework's real installed hook next to ours" },
];

/** The package names the given steps need, in list order. */
export function packagesFor(steps, env = process.env) {
  return debianPackages
    .filter((entry) => entry.neededBy.some((step) => steps.includes(step)))
    .filter((entry) => !entry.providedOtherwise?.(env))
    .map((entry) => entry.name);
}
