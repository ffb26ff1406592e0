import type { LoadBearingClassifier } from '../../loadBearing';
import { riskLevelRank, type AiRiskLevel, type RiskModelConfig } from '../../risk';
import { fileRisk } from '../commitRisk';
import { readTrailers } from '../messageLayout';
import { recordedBlastRadius, viewNote } from '../note/readCommitNote';
import { parseProvenanceTrailers } from '../parseTrailers';
import type { FileJudgement } from '../../signoff/judge';
import type { RangeCommit } from './rangeCommits';

/** What the gate knows about one file of a commit. */
export interface FileFacts {
  /** Undefined for the rest of a commit known only from trailers (files not named there). */
  readonly path?: string;
  readonly classes: readonly string[];
  readonly aiLines: number;
  readonly unreviewed: number;
  /** 1-based line numbers of the unreviewed AI lines, when a note gives them. */
  readonly unreviewedLines?: readonly number[];
  readonly risk?: AiRiskLevel;
  /** AI lines an accepted sign-off covers. */
  readonly signedOff: number;
  /** Set when the file is in a class of policy.requireSignOff: what the sign-off rule needs. */
  readonly signOff?: SignOffNeed;
}

export interface SignOffNeed {
  readonly classes: readonly string[];
  /** Lines still to be signed off (those of `unreviewedLines`); undefined when only trailers are known. */
  readonly judgement?: FileJudgement;
}

export interface CommitFacts {
  readonly provenance: 'note' | 'trailers' | 'none';
  readonly aiLines: number;
  readonly addedLines: number;
  readonly reviewedLines: number;
  readonly signedOffLines: number;
  readonly reviewedBy: readonly string[];
  readonly risk?: AiRiskLevel;
  readonly files: readonly FileFacts[];
  /** Load-bearing files with AI lines that the trailer left out (`+N more`). */
  readonly unnamedLoadBearing: number;
}

export interface FactOptions {
  readonly classifier: LoadBearingClassifier;
  readonly riskModel: RiskModelConfig;
  /** A `Reviewed-by:` trailer reviews every AI line of its commit. */
  readonly reviewedByCountsAsReview: boolean;
  /** Classes whose AI lines need an accepted sign-off. */
  readonly requireSignOff: readonly string[];
  /** ...unless a `Reviewed-by:` trailer may stand in (set explicitly by the policy). */
  readonly reviewedByReplacesSignOff: boolean;
  /** What the sign-offs say about a file's AI lines in this commit (see SignOffJudge). */
  readonly signOffsOf?: (path: string) => FileJudgement | undefined;
}

/**
 * The facts of a commit: from its note (line level, classified and rated
 * with today's configuration), else from its trailers (summary level).
 */
export function commitFacts(commit: RangeCommit, options: FactOptions): CommitFacts {
  const reviewedBy = readTrailers(commit.message)
    .filter((trailer) => trailer.key.toLowerCase() === 'reviewed-by')
    .map((trailer) => trailer.value);
  const attested = options.reviewedByCountsAsReview && reviewedBy.length > 0;
  const note = viewNote(commit.note);
  if (note && note.documents.length > 0) {
    const blast = recordedBlastRadius(note.documents);
    const files = note.files
      .filter((file) => file.aiLines.size > 0)
      .map((file): FileFacts => {
        const classification = options.classifier.classify(file.path);
        const classes = classification.classes.map((match) => match.name);
        const judgement = options.signOffsOf?.(file.path);
        const accepted = judgement?.accepted ?? new Map();
        const needClasses = classes.filter((name) => options.requireSignOff.includes(name));
        // In a class that requires a sign-off only an accepted sign-off reviews a line (or, if the policy says so, Reviewed-by).
        const needsSignOff = needClasses.length > 0;
        const excused = needsSignOff ? attested && options.reviewedByReplacesSignOff : attested;
        const unreviewedLines = excused
          ? []
          : [...file.aiLines]
              .filter(([line, origin]) => !accepted.has(line) && (needsSignOff || !origin.reviewed))
              .map(([line]) => line)
              .sort((a, b) => a - b);
        const radius = blast.get(file.path);
        const risk = fileRisk(
          {
            path: file.path,
            severity: classification.severity,
            classes,
            aiLines: file.aiLines.size,
            reviewedLines: file.aiLines.size - unreviewedLines.length,
            ...(radius ? { blast: radius } : {}),
          },
          options.riskModel,
        );
        const signedOff = [...file.aiLines.keys()].filter((line) => accepted.has(line)).length;
        return {
          path: file.path,
          classes,
          aiLines: file.aiLines.size,
          unreviewed: unreviewedLines.length,
          unreviewedLines,
          risk,
          signedOff,
          ...(needsSignOff ? { signOff: { classes: needClasses, ...(judgement ? { judgement } : {}) } } : {}),
        };
      });
    const aiLines = files.reduce((sum, file) => sum + file.aiLines, 0);
    const unreviewed = files.reduce((sum, file) => sum + file.unreviewed, 0);
    const risk = highest(files.map((file) => file.risk!));
    return {
      provenance: 'note',
      aiLines,
      addedLines: Math.max(...note.documents.map((document) => document.totals.addedLines)),
      reviewedLines: aiLines - unreviewed,
      signedOffLines: files.reduce((sum, file) => sum + file.signedOff, 0),
      reviewedBy,
      ...(risk ? { risk } : {}),
      files,
      unnamedLoadBearing: 0,
    };
  }
  const trailers = parseProvenanceTrailers(commit.message);
  if (!trailers)
    return { provenance: 'none', aiLines: 0, addedLines: 0, reviewedLines: 0, signedOffLines: 0, reviewedBy, files: [], unnamedLoadBearing: 0 };
  const unreviewed = attested ? 0 : Math.max(0, trailers.aiLines - (trailers.reviewedLines ?? 0));
  // Which named file holds the unreviewed lines is unknown: each is taken to hold them all (the cautious reading).
  const named = trailers.loadBearing.map(({ path }): FileFacts => {
    const classes = options.classifier.classify(path).classes.map((match) => match.name);
    // Without a note no sign-off can name the lines: in a class that requires one, they stay open.
    const needClasses = classes.filter((name) => options.requireSignOff.includes(name));
    if (needClasses.length === 0) return { path, classes, aiLines: trailers.aiLines, unreviewed, signedOff: 0 };
    const open = attested && options.reviewedByReplacesSignOff ? 0 : trailers.aiLines;
    return { path, classes, aiLines: trailers.aiLines, unreviewed: open, signedOff: 0, signOff: { classes: needClasses } };
  });
  const rest: FileFacts[] =
    named.length === 0 && trailers.loadBearingOmitted === 0 ? [{ classes: [], aiLines: trailers.aiLines, unreviewed, signedOff: 0 }] : [];
  return {
    provenance: 'trailers',
    aiLines: trailers.aiLines,
    addedLines: trailers.addedLines,
    reviewedLines: trailers.aiLines - unreviewed,
    signedOffLines: 0,
    reviewedBy,
    ...(trailers.risk ? { risk: attested ? 'low' : trailers.risk } : {}),
    files: [...named, ...rest],
    unnamedLoadBearing: trailers.loadBearingOmitted,
  };
}

function highest(levels: readonly AiRiskLevel[]): AiRiskLevel | undefined {
  let result: AiRiskLevel | undefined;
  for (const level of levels) if (!result || riskLevelRank(level) > riskLevelRank(result)) result = level;
  return result;
}
