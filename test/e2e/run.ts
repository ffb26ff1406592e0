// `npm run test:e2e`: a user's journey through AI Provenance in a real VS Code
// (code-server) driven by headless chromium, with the extension installed
// from the packaged .vsix. Screenshots of every step go to
// .test-artifacts/e2e/; exits 1 when a step fails.
//
//   node out/test/e2e/run.js [--docs]
//
//   --docs   after a passing run, copy the screenshots the README shows into docs/images/
//
// Needs `npm run package` (the .vsix), `npm run compile-tests`, the editor
// (node scripts/editor/install.mjs) and Debian's chromium.
import '../support/isolatedEnvironment';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EditorNotInstalledError } from '../host/editorInstall';
import { repoRoot } from '../host/repoRoot';
import { journey } from './journey';
import { startE2eSession, type E2eSession } from './session';
import { runSteps } from './steps';
import { Workbench } from './workbench';

const artifactsDir = join(repoRoot, '.test-artifacts', 'e2e');
const docsImagesDir = join(repoRoot, 'docs', 'images');

/** Screenshot of the run → the README's image. */
const DOCS_IMAGES: Record<string, string> = {
  '02-ghost-text.png': 'inline-suggestion.png',
  '06-load-bearing-warning.png': 'load-bearing-warning.png',
  '07-hover.png': 'hover-dependents.png',
  '09-regions-view.png': 'regions-view.png',
  '12-terminal.png': 'commit-trailers.png',
};
/** Screenshots taken inside a step (`<step>-<name>.png`, whatever the step's number) → the README's image. */
const DOCS_IMAGES_BY_NAME: Record<string, string> = {
  'insights-view': 'insights-view.png',
  'review-warning': 'review-warning.png',
  'review-hover': 'review-hover.png',
  'review-view': 'review-view.png',
  'gate-passes': 'review-gate-passes.png',
};
const MAX_DOCS_IMAGE_BYTES = 300 * 1024;

function log(line: string): void {
  console.log(`[e2e] ${line}`);
}

async function runJourney(copyToDocs: boolean): Promise<number> {
  const started = Date.now();
  let session: E2eSession | undefined;
  try {
    session = await startE2eSession(log, join(artifactsDir, 'editor-logs'));
    log(`workbench ${session.server.url}, workspace ${session.workspace}`);
    const { page, server } = session;
    const openFolder = async (folder: string) => {
      await page.goto(server.workbenchUrl(folder));
    };
    const result = await runSteps(
      page,
      journey(new Workbench(page, (line) => console.log(`      ${line}`)), session.workspace, openFolder),
      artifactsDir,
    );
    log(`${result.passed} step(s) passed${result.failed ? `, failed: ${result.failed}` : ''}; screenshots in ${artifactsDir}`);
    if (result.failed) return 1;
    if (copyToDocs) copyDocsImages();
    return 0;
  } finally {
    await session?.dispose();
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

function copyDocsImages(): void {
  mkdirSync(docsImagesDir, { recursive: true });
  const byName = Object.entries(DOCS_IMAGES_BY_NAME).map(([name, image]) => {
    const artifact = readdirSync(artifactsDir).find((file) => file.replace(/^\d+-/, '') === `${name}.png`);
    if (!artifact) throw new Error(`no screenshot named ${name} in ${artifactsDir}`);
    return [artifact, image] as const;
  });
  for (const [artifact, image] of [...Object.entries(DOCS_IMAGES), ...byName]) {
    const source = join(artifactsDir, artifact);
    const size = statSync(source).size;
    if (size > MAX_DOCS_IMAGE_BYTES)
      throw new Error(`${artifact} is ${Math.round(size / 1024)} KB, over the ${MAX_DOCS_IMAGE_BYTES / 1024} KB kept in docs/images`);
    copyFileSync(source, join(docsImagesDir, image));
    log(`docs/images/${image} (${Math.round(size / 1024)} KB) from ${artifact}`);
  }
}

runJourney(process.argv.includes('--docs')).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof EditorNotInstalledError;
    console.error(`[e2e] FAILED: ${error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error)}`);
    process.exitCode = 1;
  },
);
