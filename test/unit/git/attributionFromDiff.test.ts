import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { stagedDiffArgs } from '../../../src/core/git/diff';
import { attributesMayNameDiff } from '../../../src/core/git/diffAttribute';
import { addedLineTexts, type FileDiff } from '../../../src/core/git/diffParse';
import { parsePrestartedDiff, PRESTARTED_DIFF_DONE } from '../../../src/core/git/prestartedDiff';
import { aiLinesFromDiff } from '../../../src/core/provenance/attribute';
import { attributedChanges } from '../../../src/core/provenance/changes';
import { createRegion } from '../../../src/core/regions/create';
import { useTempDir } from '../../support/tempDir';
import { ProvenanceRepo, lines } from './support/provenanceRepo';

/**
 * The commit hook reads the AI lines of a file from the staged diff when
 * every region of the file sits on lines the diff adds (aiLinesFromDiff),
 * instead of reading and hashing the file. Differential: on real git and
 * real files, what it works out is what reading the files works out, for
 * the cases it takes and the ones it leaves to the files.
 */
describe('AI lines from the staged diff (real git)', () => {
  const tempDir = useTempDir();

  /** The staged diff as the hook script pipes it in. */
  function prestartedText(repo: ProvenanceRepo): string {
    const diff = execFileSync('git', stagedDiffArgs(), { cwd: repo.root, encoding: 'utf8' });
    return `${diff}${PRESTARTED_DIFF_DONE}\n`;
  }

  async function bothWays(repo: ProvenanceRepo) {
    const store = await repo.store();
    const diff = parsePrestartedDiff(prestartedText(repo), { keepAddedText: true })!;
    const asked: string[][] = [];
    const addedTextUsable = (paths: readonly string[]) => asked.push([...paths]) > 0;
    const fromDiff = await attributedChanges(repo.root, { kind: 'staged', diff: Promise.resolve(diff), addedTextUsable }, store);
    const fromFiles = await attributedChanges(repo.root, { kind: 'staged' }, store);
    const readFromDiff = [...aiLinesFromDiff(diff, store).keys()].map((file) => file.newPath!).sort();
    // Asked once, about exactly the files it would read from the diff.
    assert.deepEqual(
      asked.map((paths) => [...paths].sort()),
      readFromDiff.length > 0 ? [readFromDiff] : [],
    );
    return { fromDiff, fromFiles, readFromDiff };
  }

  it('gives the same AI lines as reading the files, and reads only the files it can be sure of from the diff', async () => {
    const repo = ProvenanceRepo.create(tempDir());
    repo.write('mid.ts', lines('a', 'b', 'c', 'd'));
    repo.write('old.ts', lines('one', 'two', 'three'));
    repo.write('moved.ts', lines('x'));
    repo.commitAll('base');
    // A new file, all AI; AI lines inserted in the middle of a file.
    await repo.writeAi('new.ts', lines('export const a = 1;', '', 'export const b = 2;'), { tool: 'claude-code' });
    repo.write('mid.ts', lines('a', 'b', 'ai 1', 'ai 2', 'c', 'd'));
    await repo.markAi('mid.ts', 3, 4, { tool: 'copilot', model: 'gpt' });
    // A region over a line the commit does not change (and one it adds): left to the file.
    repo.write('old.ts', lines('one', 'two', 'three', 'ai four'));
    await repo.markAi('old.ts', 2, 4);
    // CRLF line ends: left to the file (splitLines breaks lines at CR too).
    repo.write('crlf.ts', 'first\r\nai second\r\nai third\r\n');
    await repo.markAi('crlf.ts', 2, 3);
    // The last line without a newline; a region that starts and ends inside lines.
    repo.write('noeol.ts', 'const keep = 1;\nconst ai = 2; const more = 3;');
    const store = await repo.store();
    store.add('noeol.ts', createRegion({ source: 'agent', tool: 'cursor' }, { line: 1, character: 14 }, 'const more = 3;')!);
    store.add('noeol.ts', createRegion({ source: 'agent', tool: 'cursor' }, { line: 0, character: 6 }, 'keep')!);
    await store.sync();
    // Partly staged: the staged version has the AI lines two lines higher than the work tree, where the region was recorded.
    repo.write('moved.ts', lines('x', 'ai y', 'ai z'));
    repo.git('add', '-A');
    repo.write('moved.ts', lines('new 1', 'new 2', 'x', 'ai y', 'ai z'));
    await repo.markAi('moved.ts', 4, 5);

    const { fromDiff, fromFiles, readFromDiff } = await bothWays(repo);
    assert.deepEqual(fromDiff.files, fromFiles.files);
    assert.deepEqual(readFromDiff, ['mid.ts', 'new.ts', 'noeol.ts'], 'the others are read from their files');
    const byPath = new Map(fromDiff.files.map((file) => [file.path, [...file.aiLines.keys()].sort((a, b) => a - b)]));
    assert.deepEqual(byPath.get('new.ts'), [1, 3]);
    assert.deepEqual(byPath.get('mid.ts'), [3, 4]);
    assert.deepEqual(byPath.get('old.ts'), [4]);
    assert.deepEqual(byPath.get('crlf.ts'), [2, 3]);
    assert.deepEqual(byPath.get('moved.ts'), [2, 3], 'the region found where the staged version has it');
    assert.deepEqual(byPath.get('noeol.ts'), [1, 2]);
  });

  it('takes regions that end inside a line from the diff', async () => {
    const repo = ProvenanceRepo.create(tempDir());
    repo.write('base.txt', lines('base'));
    repo.commitAll('base');
    repo.write('partial.ts', 'const a = 1;\nconst b = 2; const c = 3;\nconst d = 4;\n');
    const store = await repo.store();
    store.add('partial.ts', createRegion({ source: 'agent', tool: 'cursor' }, { line: 1, character: 13 }, 'const c = 3;\nconst d')!);
    await store.sync();
    repo.git('add', '-A');
    const { fromDiff, fromFiles, readFromDiff } = await bothWays(repo);
    assert.deepEqual(fromDiff.files, fromFiles.files);
    assert.deepEqual(readFromDiff, ['partial.ts']);
    assert.deepEqual([...fromDiff.files[0]!.aiLines.keys()], [2, 3]);
  });

  it('finds a region that no longer matches its text on the added lines in the file instead', async () => {
    const repo = ProvenanceRepo.create(tempDir());
    repo.write('base.txt', lines('base'));
    repo.commitAll('base');
    await repo.writeAi('edited.ts', lines('ai one', 'ai two', 'ai three'));
    // Edited since it was recorded (as by another program): the stored text is not on those lines any more.
    repo.write('edited.ts', lines('ai one', 'ai 2', 'ai three'));
    repo.git('add', '-A');
    const { fromDiff, fromFiles, readFromDiff } = await bothWays(repo);
    assert.deepEqual(fromDiff.files, fromFiles.files);
    assert.deepEqual(readFromDiff, []);
  });

  it('through the installed hooks: a file with NUL bytes that an attribute diffs as text counts as before (binary, no AI lines)', async function () {
    this.timeout(60_000);
    const repo = ProvenanceRepo.create(tempDir());
    repo.write('.gitattributes', '*.dat diff\n');
    repo.write('base.txt', lines('base'));
    repo.commitAll('base');
    repo.installHooks();
    repo.write('x.dat', `head\0er\n${lines('ai one', 'ai two')}`);
    await repo.markAi('x.dat', 2, 3);
    await repo.writeAi('y.ts', lines('ai text'));
    repo.git('add', '-A');
    assert.match(execFileSync('git', stagedDiffArgs(), { cwd: repo.root, encoding: 'utf8' }), /^\+ai one$/m, 'git shows x.dat as text');
    const expected = await attributedChanges(repo.root, { kind: 'staged' }, await repo.store());
    repo.git('commit', '-q', '-m', 'Add data');
    const note = JSON.parse(repo.git('notes', '--ref', 'ai-provenance', 'show', 'HEAD')) as { files: Record<string, { aiLines: number }> };
    const aiFiles = expected.files.filter((file) => file.aiLines.size > 0);
    assert.deepEqual(Object.keys(note.files), ['y.ts']);
    assert.deepEqual(
      aiFiles.map((file) => file.path),
      ['y.ts'],
    );
    assert.match(repo.message(), /^AI-Lines: 1\/4$/m);
  });

  it('addedLineTexts: the added lines as the file holds them, nothing for lines the diff does not add', async () => {
    const repo = ProvenanceRepo.create(tempDir());
    repo.write('f.ts', lines('1', '2', '3', '4', '5'));
    repo.commitAll('base');
    repo.write('f.ts', lines('1', 'two', 'three', '4', '5', 'six'));
    repo.git('add', '-A');
    const [file] = parsePrestartedDiff(prestartedText(repo), { keepAddedText: true })! as [FileDiff];
    assert.deepEqual(addedLineTexts(file, 2, 2), ['two', 'three']);
    assert.deepEqual(addedLineTexts(file, 3, 1), ['three']);
    assert.deepEqual(addedLineTexts(file, 6, 1), ['six']);
    assert.equal(addedLineTexts(file, 3, 2), undefined, 'line 4 is not added');
    assert.equal(addedLineTexts(file, 6, 2), undefined, 'past the end');
    const [withoutText] = parsePrestartedDiff(prestartedText(repo))! as [FileDiff];
    assert.equal(addedLineTexts(withoutText, 2, 1), undefined, 'parsed without keepAddedText');
  });

  it('attributesMayNameDiff: a .gitattributes on the way, info/attributes or the global file naming diff', () => {
    const repo = ProvenanceRepo.create(tempDir());
    const home = join(repo.root, '.git', 'test-home');
    const question = (paths: string[]) => ({
      root: repo.root,
      commonDir: join(repo.root, '.git'),
      config: new Map<string, string[]>(),
      env: { HOME: home, GIT_ATTR_NOSYSTEM: '1' },
      paths,
    });
    assert.equal(attributesMayNameDiff(question(['src/a/b.ts', 'c.ts'])), false);
    repo.write('.gitattributes', '* text=auto\n*.png binary\n');
    repo.write('src/other/.gitattributes', '*.bin diff\n');
    assert.equal(attributesMayNameDiff(question(['src/a/b.ts', 'c.ts'])), false, 'text and binary do not set diff');
    assert.equal(attributesMayNameDiff(question(['src/other/x.ts'])), true);
    repo.write('.git/info/attributes', '*.dat diff=hex\n');
    assert.equal(attributesMayNameDiff(question(['c.ts'])), true);
    repo.write('.git/info/attributes', '');
    repo.write('.git/test-home/.config/git/attributes', '*.x diff\n');
    assert.equal(attributesMayNameDiff(question(['c.ts'])), true);
    repo.write('.git/test-home/.config/git/attributes', '');
    const configured = repo.write('.git/my-attributes', '[attr]textual diff\n');
    assert.equal(attributesMayNameDiff({ ...question(['c.ts']), config: new Map([['core.attributesfile', [configured]]]) }), true);
  });
});
