import {
  findRepository,
  HOOK_FACTS_ENV,
  isManagedHook,
  MANAGED_HOOKS,
  PRESTARTED_DIFF_ENV,
  readHookFacts,
  recordHookFailure,
  resolveCommit,
  storeDirOf,
} from '../../core/git';
import { runCommitMsg, runPostCommit, runPostMerge, runPostRewrite, runPrePush, runPrepareCommitMsg } from '../../core/provenance';
import { UsageError, type CliIO } from '../command';

/**
 * What the installed git hooks run: `ai-provenance hook run <hook> <args>`,
 * or the hooks' own small bundle (main.ts). Fails open: whatever
 * happens, exit 0 and at most one line on stderr.
 */
export async function runHook(argv: readonly string[], io: CliIO): Promise<number> {
  const [hook, ...args] = argv;
  if (hook === undefined || !isManagedHook(hook)) throw new UsageError(`hook run needs one of ${MANAGED_HOOKS.join(', ')}`);
  try {
    switch (hook) {
      case 'prepare-commit-msg': {
        if (!args[0]) throw new Error('git passed no message file');
        // The script writes its facts file first, then pipes in the diff (both while node starts): the file is
        // complete once stdin has its first bytes (or ended). Without a piped diff it was written before node started.
        let factsWritten = () => undefined as void;
        const written = new Promise<void>((resolve) => (factsWritten = resolve));
        const prestartedDiff = io.env[PRESTARTED_DIFF_ENV] === 'stdin' ? io.readStdin(factsWritten) : undefined;
        if (prestartedDiff) prestartedDiff.then(factsWritten, factsWritten);
        else factsWritten();
        await runPrepareCommitMsg(
          io.cwd,
          {
            messageFile: args[0],
            ...(args[1] ? { source: args[1] } : {}),
            ...(args[2] ? { sha: args[2] } : {}),
            // Read from the start: git wrote it while node was starting.
            ...(prestartedDiff ? { prestartedDiff } : {}),
            // What the script asked git (none when it is missing or incomplete: then node asks).
            facts: written.then(() => readHookFacts(io.env[HOOK_FACTS_ENV])),
          },
          io.env,
        );
        break;
      }
      case 'commit-msg':
        if (!args[0]) throw new Error('git passed no message file');
        await runCommitMsg(io.cwd, args[0], io.env);
        break;
      case 'post-commit':
        await runPostCommit(io.cwd);
        break;
      case 'post-rewrite':
        await runPostRewrite(io.cwd, await io.readStdin());
        break;
      case 'pre-push': {
        // git passes the remote's name (or its URL) and its URL; stdin lists the refs being pushed.
        const message = await runPrePush(io.cwd, args[0] ?? '', await io.readStdin());
        if (message) io.stderr(`ai-provenance: ${message}\n`);
        break;
      }
      case 'post-merge':
        for (const problem of await runPostMerge(io.cwd)) io.stderr(`ai-provenance: ${problem}\n`);
        break;
    }
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    if (hook === 'pre-push' || hook === 'post-merge') {
      // Sharing notes failed; the code push or merge goes on, and no commit lost its note.
      io.stderr(`ai-provenance: ${hook} hook: notes not ${hook === 'pre-push' ? 'pushed' : 'merged'}: ${message} (run: ai-provenance notes sync)\n`);
      return 0;
    }
    const kept = hook === 'prepare-commit-msg' || hook === 'commit-msg' ? 'commit message left unchanged' : 'no note written';
    io.stderr(`ai-provenance: ${hook} hook: ${message} (${kept})\n`);
    await recordFailure(io.cwd, hook, message);
  }
  return 0;
}

/** Leaves a record for `hook status`, the editor and a local `gate` (a commit without its note is otherwise silent). */
async function recordFailure(cwd: string, hook: string, detail: string): Promise<void> {
  try {
    const repository = await findRepository(cwd);
    if (!repository) return;
    const commit = hook === 'post-commit' ? await resolveCommit(repository.root, 'HEAD') : undefined;
    recordHookFailure(storeDirOf(repository), { hook, reason: 'error', ...(commit ? { commit } : {}), detail });
  } catch {
    // Nothing more can be done from inside a hook that must not fail.
  }
}
