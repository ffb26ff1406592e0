import type { LoadBearingClassifier } from '../loadBearing';
import { EMPTY_TALLY } from './commitRecord';
import type { CommitRecord } from './commitRecord';
import { EXPORT_SCHEMA_VERSION, type ExportRow } from './exportSchema';
import { signOffOf, type SignOffs } from './signOffs';

export interface RowContext {
  readonly repository: string;
  readonly classifier: LoadBearingClassifier;
  readonly signOffs: SignOffs;
}

/** One row per commit x file the commit added lines to (or that its note gives AI lines). */
export function exportRows(commits: readonly CommitRecord[], context: RowContext): ExportRow[] {
  const rows: ExportRow[] = [];
  const classOf = memoClass(context.classifier);
  for (const commit of commits) {
    const committedAt = new Date(commit.time * 1000).toISOString();
    const files = new Set([...Object.keys(commit.added), ...Object.keys(commit.ai)]);
    for (const file of [...files].sort()) {
      const ai = commit.ai[file];
      const aiLines = ai?.lines ?? 0;
      const signOff = aiLines > 0 ? signOffOf(context.signOffs, commit.sha, file) : undefined;
      const signed = signOff !== undefined;
      const sources = ai?.sources ?? EMPTY_TALLY;
      const tools = ai?.tools ?? EMPTY_TALLY;
      const models = ai?.models ?? EMPTY_TALLY;
      rows.push({
        schema_version: EXPORT_SCHEMA_VERSION,
        repository: context.repository,
        commit: commit.sha,
        author_name: commit.author,
        author_email: commit.email,
        committed_at: committedAt,
        file,
        class: classOf(file),
        // A note counts what the hook saw; the diff is the commit's own: the AI lines never exceed the added ones.
        added_lines: Math.max(commit.added[file] ?? 0, aiLines),
        ai_lines: aiLines,
        reviewed_lines: ai?.reviewed ?? 0,
        signed_off: signed,
        signed_off_at: signed ? signOff!.at : null,
        signed_off_by: signed ? signOff!.by : null,
        sources: sources.names,
        source_lines: sources.lines,
        tools: tools.names,
        tool_lines: tools.lines,
        models: models.names,
        model_lines: models.lines,
        blast_radius_files: ai?.blast?.[0] ?? null,
        blast_radius_load_bearing: ai?.blast?.[1] ?? null,
      });
    }
  }
  return rows;
}

function memoClass(classifier: LoadBearingClassifier): (path: string) => string | null {
  const classes = new Map<string, string | null>();
  return (path) => {
    let name = classes.get(path);
    if (name === undefined) {
      name = classifier.classify(path).classes[0]?.name ?? null;
      classes.set(path, name);
    }
    return name;
  };
}
