import { plural } from '../../text/plural';
import { riskLevelRank } from '../../risk';
import { formatRanges, toRanges } from '../lineRanges';
import type { CommitFacts, FileFacts } from './commitFacts';
import type { GatePolicy } from './policy';
import { signOffFinding, type SignOffContext } from './signOffFinding';
import type { Finding } from './verdict';

const HOW_TO_FIX =
  'review them and record it (`ai-provenance mark-reviewed <file>`, then amend), have a reviewer sign them off (`ai-provenance review sign-off`), or add a `Reviewed-by:` trailer';
const NO_NOTE = ' (no note for this commit: fetch refs/notes/ai-provenance for line-level detail)';

/** The findings about one commit. */
export function evaluateCommit(facts: CommitFacts, policy: GatePolicy, signOff?: SignOffContext): Finding[] {
  const findings: Finding[] = [];
  for (const file of facts.files) {
    // Lines that need a sign-off are reported once, as such.
    const unreviewed = file.signOff && signOff ? signOffFinding(file, facts, signOff) : unreviewedFinding(file, facts, policy);
    if (unreviewed) findings.push(unreviewed);
    const risky = riskFinding(file, policy);
    if (risky) findings.push(risky);
  }
  if (facts.unnamedLoadBearing > 0 && facts.reviewedLines < facts.aiLines) {
    // Files the trailer left out cannot be classified: the strictest reading applies.
    findings.push({
      level: policy.failOn.length > 0 ? 'error' : 'warning',
      kind: 'unreviewed',
      rule: 'unreviewed-ai-lines',
      message: `${plural(facts.unnamedLoadBearing, 'more load-bearing file')} with AI lines, not named in AI-Load-Bearing${NO_NOTE}; ${HOW_TO_FIX}`,
    });
  }
  const review = reviewedByFinding(facts, policy);
  if (review) findings.push(review);
  return findings;
}

function unreviewedFinding(file: FileFacts, facts: CommitFacts, policy: GatePolicy): Finding | undefined {
  if (file.unreviewed === 0) return undefined;
  const failing = file.classes.filter((name) => policy.failOn.includes(name));
  if (failing.length === 0 && !policy.warnOnUnreviewed) return undefined;
  const lines = file.unreviewedLines ? toRanges(file.unreviewedLines) : undefined;
  const where =
    failing.length > 0
      ? ` in a load-bearing file (${failing.join(', ')})`
      : file.classes.length > 0
        ? ` (load-bearing: ${file.classes.join(', ')})`
        : '';
  const count =
    facts.provenance === 'note'
      ? plural(file.unreviewed, 'unreviewed AI line')
      : `AI lines (${plural(file.unreviewed, 'unreviewed AI line')} in the commit)`;
  const subject = file.path ? `${file.path}${lines ? ` ${formatRanges(lines)}` : ''}: ` : '';
  return {
    level: failing.length > 0 ? 'error' : 'warning',
    kind: 'unreviewed',
    rule: 'unreviewed-ai-lines',
    ...(file.path ? { path: file.path } : {}),
    ...(lines ? { lines } : {}),
    classes: file.classes,
    message: `${subject}${count}${where}${facts.provenance === 'trailers' ? NO_NOTE : ''}; ${HOW_TO_FIX}`,
  };
}

function riskFinding(file: FileFacts, policy: GatePolicy): Finding | undefined {
  if (!policy.failOnRiskLevel || !file.risk || !file.path || riskLevelRank(file.risk) < riskLevelRank(policy.failOnRiskLevel)) return undefined;
  if (file.unreviewed === 0) return undefined; // reviewed lines are the 'low' floor, never above the policy's level
  return {
    level: 'error',
    kind: 'unreviewed',
    rule: 'risk-level',
    path: file.path,
    ...(file.unreviewedLines ? { lines: toRanges(file.unreviewedLines) } : {}),
    classes: file.classes,
    message: `${file.path}: AI risk ${file.risk} reaches policy.failOnRiskLevel (${policy.failOnRiskLevel}); ${HOW_TO_FIX}`,
  };
}

function reviewedByFinding(facts: CommitFacts, policy: GatePolicy): Finding | undefined {
  if (facts.reviewedBy.length > 0 || facts.aiLines === 0) return undefined;
  const reasons: string[] = [];
  if (facts.risk && policy.requireReviewedByTrailer.includes(facts.risk)) reasons.push(`AI-Risk ${facts.risk} (policy.requireReviewedByTrailer)`);
  const classes = [...new Set(facts.files.flatMap((file) => file.classes.filter((name) => policy.requireReviewedByTrailerIn.includes(name))))];
  if (classes.length > 0) reasons.push(`AI lines in ${classes.join(', ')} (policy.classes.<name>.requireReviewedByTrailer)`);
  if (reasons.length === 0) return undefined;
  return { level: 'error', kind: 'unreviewed', rule: 'reviewed-by-required', message: `needs a \`Reviewed-by:\` trailer: ${reasons.join('; ')}` };
}

/** Range-wide limits: unreviewed AI lines per class over all the commits. */
export function evaluateRange(commits: readonly CommitFacts[], policy: GatePolicy): Finding[] {
  const findings: Finding[] = [];
  for (const [name, max] of Object.entries(policy.maxUnreviewedAiLines)) {
    const files = commits.flatMap((commit) => commit.files.filter((file) => file.classes.includes(name) && file.unreviewed > 0));
    const total = files.reduce((sum, file) => sum + file.unreviewed, 0);
    if (total <= max) continue;
    const paths = [...new Set(files.map((file) => file.path).filter((path): path is string => path !== undefined))];
    findings.push({
      level: 'error',
      kind: 'unreviewed',
      rule: 'max-unreviewed-ai-lines',
      classes: [name],
      message: `${plural(total, 'unreviewed AI line')} in ${name} files (${paths.join(', ')}), more than policy.classes.${name}.maxUnreviewedAiLines (${max}); ${HOW_TO_FIX}`,
    });
  }
  return findings;
}
