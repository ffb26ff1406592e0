import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NOTE_SCHEMA, NOTE_VERSION, NOTES_REF } from '../../src/core/provenance/note/schema';
import { Random } from '../../test/support/random';

export interface SyntheticHistory {
  readonly root: string;
  readonly commits: number;
  readonly notes: number;
}

const DIRECTORIES = ['src/payments', 'src/auth', 'src/orders', 'src/api', 'src/util', 'infra', 'db/migrations', 'src/reports'];
const TOOLS = [
  ['inline', 'copilot', 'gpt-4o'],
  ['agent-hook', 'claude-code', 'claude-sonnet-4'],
  ['agent-disk', 'aider', ''],
  ['chat', 'copilot-chat', 'gpt-4.1'],
] as const;

/**
 * A repository with `commits` commits over about two years, made with one
 * `git fast-import` (seconds, not minutes). Each commit rewrites one to three
 * of 240 files with 6 to 20 lines; 60% of the commits carry a provenance
 * note (in the same import, on refs/notes/ai-provenance) that marks some of
 * those lines as AI-written, some reviewed, some with a recorded blast radius.
 */
export function createSyntheticHistory(root: string, commits: number, seed = 19): SyntheticHistory {
  mkdirSync(root, { recursive: true });
  const git = (args: string[], input?: string) => {
    const result = spawnSync('git', args, { cwd: root, input, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`git ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  };
  git(['init', '-q', '-b', 'main']);
  const rng = new Random(seed);
  const random = () => rng.next();
  const files = Array.from({ length: 240 }, (_, index) => `${DIRECTORIES[index % DIRECTORIES.length]}/module${index}.ts`);
  const start = Date.parse('2025-01-06T09:00:00Z') / 1000;
  const span = 2 * 365 * 86_400;
  const chunks: string[] = [];
  const notes: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let index = 1; index <= commits; index++) {
    const time = Math.floor(start + (span * index) / commits);
    const changed = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => files[Math.floor(random() * files.length)]));
    const noteFiles: Record<string, unknown> = {};
    let added = 0;
    let ai = 0;
    const lines: string[] = [];
    for (const path of changed) {
      const count = 6 + Math.floor(random() * 15);
      const text = Array.from({ length: count }, (_, line) => `export const v${index}_${line} = ${Math.floor(random() * 1000)};`).join('\n') + '\n';
      lines.push(`M 100644 inline ${path}\n${data(text)}`);
      added += count;
      if (random() < 0.6) {
        const aiCount = 1 + Math.floor(random() * count);
        const [source, tool, model] = TOOLS[Math.floor(random() * TOOLS.length)];
        const reviewed = random() < 0.3 ? { reviewed: { by: 'Ann', at: new Date(time * 1000).toISOString() } } : {};
        noteFiles[path] = {
          addedLines: count,
          aiLines: aiCount,
          reviewedLines: reviewed.reviewed ? aiCount : 0,
          ranges: [{ start: 1, end: aiCount, source, tool, ...(model ? { model } : {}), ...reviewed }],
          ...(random() < 0.3
            ? { blastRadius: { files: Math.floor(random() * 40), loadBearing: Math.floor(random() * 4), startLine: 1, endLine: aiCount } }
            : {}),
        };
        ai += aiCount;
      }
    }
    chunks.push(
      `commit refs/heads/main\nmark :${index}\nauthor Dev <dev@example.com> ${time} +0000\ncommitter Dev <dev@example.com> ${time} +0000\n${data(`change ${index}`)}${index > 1 ? `from :${index - 1}\n` : ''}${lines.join('')}`,
    );
    if (ai > 0) {
      // `commit` would be the commit's id; fast-import cannot put it into inline data, and readers do not need it.
      const note = {
        schema: NOTE_SCHEMA,
        version: NOTE_VERSION,
        commit: `mark-${index}`,
        recordedAt: new Date(time * 1000).toISOString(),
        generator: 'bench',
        totals: { aiLines: ai, addedLines: added, reviewedLines: 0 },
        files: noteFiles,
      };
      notes.push(`N inline :${index}\n${data(JSON.stringify(note))}`);
    }
  }
  // All notes in one commit of the notes ref (fast-import accepts marks there).
  chunks.push(`commit ${NOTES_REF}\ncommitter Dev <dev@example.com> ${start + span} +0000\n${data('notes')}${notes.join('')}`);
  git(['fast-import', '--quiet', '--done'], `${chunks.join('')}done\n`);
  git(['reset', '-q', '--hard', 'main']);
  return { root: join(root), commits, notes: notes.length };
}
