// The agents' own hooks in the replay: each vendored payload
// (test/fixtures/agents) is played as its agent would, in the workspace the
// editor has open: the agent writes its files on disk, then its hook runs
// `ai-provenance record --hook <agent>` with the payload on stdin. The truth
// is the line diff of each file: what the agent changed is its, the rest
// was there before (committed, a person's).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diffLines } from 'diff';
import { Authorship } from './authorship';
import { git, sleep, workspaceRoot } from './editorSession';
import { AGENT_FIXTURES as FIXTURES, agentOf } from '../../../support/agentFixtures';

const CLI = join(__dirname, '..', '..', '..', '..', '..', 'dist', 'cli.js');

interface AgentFixture {
  readonly files: Record<string, { readonly before?: string; readonly after: string }>;
  readonly payload: unknown;
}

/** Who wrote each line of `after`: `author` for what the diff from `before` added, `base` for the rest. */
function diffAuthorship(before: string, after: string, author: string): Authorship {
  const authorship = new Authorship(before, 'base');
  let line = 0;
  for (const part of diffLines(before, after)) {
    const count = part.count ?? 0;
    if (part.added) {
      authorship.apply({ start: { line, character: 0 }, end: { line, character: 0 }, text: part.value }, author);
      line += count;
    } else if (part.removed) {
      authorship.apply({ start: { line, character: 0 }, end: { line: line + count, character: 0 }, text: '' }, 'base');
    } else {
      line += count;
    }
  }
  return authorship;
}

/** Plays every agent's payload; returns the files it wrote with their truth (all closed in the editor). */
export async function agentHookSession(): Promise<Array<{ path: string; authorship: Authorship }>> {
  const names = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -5));
  const fixtures = names.map((name) => ({ name, fixture: JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as AgentFixture }));
  const folder = (name: string) => join(workspaceRoot(), 'replay-hooks', name);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };

  // What each file held before the agent: committed, as in the agents' own projects.
  for (const { name, fixture } of fixtures)
    for (const [path, { before }] of Object.entries(fixture.files)) if (before !== undefined) write(join(folder(name), path), before);
  git('add', 'replay-hooks');
  git('commit', '-q', '-m', 'replay: the files before the agents');
  await sleep(1500);

  const written: Array<{ path: string; authorship: Authorship }> = [];
  for (const { name, fixture } of fixtures) {
    const root = folder(name);
    for (const [path, { before, after }] of Object.entries(fixture.files)) {
      // The agent's own process writes the file, as a CLI agent does.
      mkdirSync(dirname(join(root, path)), { recursive: true });
      execFileSync(process.execPath, ['-e', 'require("fs").writeFileSync(process.argv[1], process.argv[2])', join(root, path), after]);
      written.push({ path: join(root, path), authorship: diffAuthorship(before ?? '', after, `hook:${name}`) });
    }
    const payload = JSON.stringify(fixture.payload).replaceAll('__ROOT__', root);
    execFileSync(process.execPath, [CLI, 'record', '--hook', agentOf(name)], { cwd: root, input: payload });
  }
  await sleep(2500);
  return written;
}
