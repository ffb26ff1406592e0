import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, openEditor, select, waitFor, writeWorkspaceFile } from '../support/extension';
import { blastRadiusOf, dependentsOf, fixtureIndex, fixtureRepository, fixtureUri, setting, withoutCapture } from './support';

const LEDGER = 'src/payments/ledger.ts';
/** `postEntry`, lines 11-16 of the fixture's ledger (0-based here). */
const POST_ENTRY: [number, number] = [10, 15];
/** What imports make of the fixture: refund, cart and the daily report call postEntry; routes reaches it through cart and daily. */
const FIXTURE_DEPENDENTS: Array<[string, number]> = [
  ['src/checkout/cart.ts', 1],
  ['src/payments/refund.ts', 1],
  ['src/reports/daily.ts', 1],
  ['src/api/routes.ts', 2],
];

/** Our hover at a position (TypeScript's may answer too). */
async function aiHover(uri: vscode.Uri, line: number): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 4));
  const texts = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
  return texts.find((text) => text.startsWith('**AI-generated**'));
}

describe('workspace index in the editor', function () {
  // Builds run in threads on a shared, busy machine: give them room.
  this.timeout(120_000);
  withoutCapture();
  const written: vscode.Uri[] = [];
  after(async () => {
    for (const uri of written) rmSync(uri.fsPath, { force: true });
    const repository = await fixtureRepository();
    repository.store.clearFile(LEDGER);
    await repository.store.sync();
    await closeAllEditors();
  });

  it('builds the fixture workspace in its own thread when a file is open, and says how long it took', async () => {
    await openEditor(fixtureUri(LEDGER));
    const index = await fixtureIndex();
    await index.whenIdle();
    const { state, lastBuild, readyMs, current, problem } = await index.stats();
    assert.equal(state, 'ready', problem);
    assert.ok(lastBuild && current && readyMs !== undefined);
    assert.ok(current.indexed >= 7 && current.edges >= 6, `${current.indexed} files, ${current.edges} edges`);
    assert.equal(lastBuild.failed, 0);
    console.log(
      `      [index] fixture start: ${current.indexed} files, ${current.edges} edges, ready ${Math.round(readyMs)} ms after the start ` +
        `(build ${lastBuild.ms.total} ms: list ${lastBuild.ms.list}, parse ${lastBuild.ms.parse}, link ${lastBuild.ms.link}, save ${lastBuild.ms.save}; ` +
        `cache ${lastBuild.cacheHits} hits, ${lastBuild.parsed} parsed)`,
    );
  });

  it('answers blastRadiusOf for a region of a widely imported file with its real dependents and depths', async () => {
    const radius = await blastRadiusOf(LEDGER, ...POST_ENTRY);
    assert.deepEqual(radius.symbols, ['postEntry']);
    assert.equal(radius.level, 'symbol');
    assert.deepEqual(dependentsOf(radius), FIXTURE_DEPENDENTS);
    const routes = radius.dependents.find((dependent) => dependent.path === 'src/api/routes.ts')!;
    assert.equal(routes.via[0], `${LEDGER}#postEntry`, 'the chain starts at the changed definition');
    const counts = (await extensionApi()).index.dependentCounts(await fixtureRepository());
    assert.equal(counts?.get(LEDGER), 3, 'three files import the ledger directly');
  });

  it('shows the real dependents in the annotation and the hover of an AI region', async () => {
    const uri = fixtureUri(LEDGER);
    const editor = await openEditor(uri);
    select(editor, ...POST_ENTRY);
    await vscode.commands.executeCommand('aiProvenance.markSelectionAsAi');
    const api = await extensionApi();
    const annotation = await waitFor(
      'the annotation with the count',
      () => api.views.decorations(uri)?.plan.annotations.find((a) => a.line === POST_ENTRY[0] && /\b4 dependents\b/.test(a.text)),
      30_000,
    );
    assert.match(annotation.text, /^AI-generated · payments · 4 dependents/);

    const hover = await waitFor('the hover with the dependents', async () => {
      const text = await aiHover(uri, POST_ENTRY[0]);
      return text?.includes('*Depth 2*') ? text : undefined;
    });
    assert.ok(hover.includes('**Blast radius:** 4 dependent files'), hover);
    assert.ok(hover.includes('from `postEntry`'), hover);
    const positions = FIXTURE_DEPENDENTS.map(([path]) => hover.indexOf(`[${path}]`));
    assert.ok(
      positions.every((position) => position > 0),
      `every dependent is listed: ${hover}`,
    );
    assert.ok(
      positions.slice(0, 3).every((position) => position < hover.indexOf('*Depth 2*')) && positions[3]! > hover.indexOf('*Depth 2*'),
      'grouped by depth',
    );
  });

  it('takes in a new importer saved in the editor and one written on disk, and drops them when deleted', async () => {
    // An agent creates the file; the author then adds the import and saves.
    const invoice = writeWorkspaceFile('src/invoices/invoice.ts', 'export const invoicePrefix = "INV";\n');
    written.push(invoice);
    const editor = await openEditor(invoice);
    await editor.edit((edit) =>
      edit.insert(
        new vscode.Position(0, 0),
        "import { postEntry } from '../payments/ledger';\n\nexport function bill(amount: number): void {\n  postEntry({ account: 'receivable', amountMinorUnits: amount, memo: 'invoice' });\n}\n",
      ),
    );
    assert.ok(await editor.document.save(), 'saved');
    let radius = await blastRadiusOf(LEDGER, ...POST_ENTRY, (r) => r.dependents.some((d) => d.path === 'src/invoices/invoice.ts'));
    assert.deepEqual(dependentsOf(radius), [
      ['src/checkout/cart.ts', 1],
      ['src/invoices/invoice.ts', 1],
      ['src/payments/refund.ts', 1],
      ['src/reports/daily.ts', 1],
      ['src/api/routes.ts', 2],
    ]);

    // A file no editor has open, written by another program: the file watcher brings it in.
    const payout = writeWorkspaceFile(
      'src/payments/payout.ts',
      "import { bill } from '../invoices/invoice';\nexport const payout = () => bill(1);\n",
    );
    written.push(payout);
    radius = await blastRadiusOf(LEDGER, ...POST_ENTRY, (r) => r.dependents.some((d) => d.path === 'src/payments/payout.ts'));
    assert.deepEqual(
      radius.dependents.filter((d) => d.path === 'src/payments/payout.ts').map((d) => [d.depth, d.via.join(' -> ')]),
      [[2, `${LEDGER}#postEntry -> src/invoices/invoice.ts#bill`]],
    );

    await closeAllEditors();
    for (const uri of written.splice(0)) rmSync(uri.fsPath, { force: true });
    radius = await blastRadiusOf(LEDGER, ...POST_ENTRY, (r) => r.files === FIXTURE_DEPENDENTS.length);
    assert.deepEqual(dependentsOf(radius), FIXTURE_DEPENDENTS);
  });

  it('leaves out what aiProvenance.index.exclude names, and starts warm from its cache after the change', async () => {
    try {
      await setting('index.exclude', ['src/reports/**']);
      const radius = await blastRadiusOf(LEDGER, ...POST_ENTRY, (r) => !r.dependents.some((d) => d.path.startsWith('src/reports/')));
      assert.deepEqual(dependentsOf(radius), [
        ['src/checkout/cart.ts', 1],
        ['src/payments/refund.ts', 1],
        ['src/api/routes.ts', 2],
      ]);
      const { lastBuild, readyMs } = await (await fixtureIndex()).stats();
      assert.ok(lastBuild && lastBuild.parsed === 0, `a restart parses nothing: ${JSON.stringify(lastBuild)}`);
      console.log(
        `      [index] fixture restart from the cache: ready in ${Math.round(readyMs ?? NaN)} ms (build ${lastBuild.ms.total} ms, ${lastBuild.cacheHits} cache hits)`,
      );
    } finally {
      await setting('index.exclude', undefined);
    }
    const radius = await blastRadiusOf(LEDGER, ...POST_ENTRY, (r) => r.files === FIXTURE_DEPENDENTS.length);
    assert.deepEqual(dependentsOf(radius), FIXTURE_DEPENDENTS);
  });

  it('rebuilds from nothing on "Rebuild Workspace Index" and shows its statistics', async () => {
    await vscode.commands.executeCommand('aiProvenance.rebuildIndex');
    const { state, lastBuild, readyMs, problem } = await (await fixtureIndex()).stats();
    assert.equal(state, 'ready', problem);
    assert.ok(lastBuild && lastBuild.cacheHits === 0 && lastBuild.parsed >= 7, JSON.stringify(lastBuild));
    console.log(
      `      [index] fixture rebuild without cache: ready in ${Math.round(readyMs ?? NaN)} ms (build ${lastBuild.ms.total} ms, parse ${lastBuild.ms.parse} ms, ${lastBuild.parsed} parsed)`,
    );
    await vscode.commands.executeCommand('aiProvenance.showIndexStats');
    assert.deepEqual(dependentsOf(await blastRadiusOf(LEDGER, ...POST_ENTRY)), FIXTURE_DEPENDENTS);
  });
});
