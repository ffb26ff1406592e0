import type { ReviewFile, ReviewHunk } from './reviewState';

/** The class a file is listed under: the first of its classes that needs a sign-off, else its highest. */
export function governingClass(file: ReviewFile, requireSignOff: readonly string[]): string | undefined {
  const classes = file.classification.classes;
  return (classes.find((match) => requireSignOff.includes(match.name)) ?? classes[0])?.name;
}

export interface ClassGroup {
  /** undefined: files that are not load-bearing. */
  readonly name: string | undefined;
  readonly severity: string;
  readonly files: readonly ReviewFile[];
  readonly aiLines: number;
  readonly open: number;
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'none'];

/** Files grouped by class: classes that need a sign-off first, then by severity, then by name; not load-bearing last. */
export function groupByClass(files: readonly ReviewFile[], requireSignOff: readonly string[]): ClassGroup[] {
  const groups = new Map<string | undefined, ReviewFile[]>();
  for (const file of files) {
    const name = governingClass(file, requireSignOff);
    groups.set(name, [...(groups.get(name) ?? []), file]);
  }
  const severityOf = (group: ReviewFile[], name: string | undefined) =>
    group[0]!.classification.classes.find((match) => match.name === name)?.severity ?? 'none';
  return [...groups]
    .map(([name, group]): ClassGroup => ({
      name,
      severity: severityOf(group, name),
      files: group,
      aiLines: group.reduce((sum, file) => sum + aiLinesOf(file.hunks), 0),
      open: group.reduce((sum, file) => sum + file.hunks.reduce((total, hunk) => total + hunk.open, 0), 0),
    }))
    .sort(
      (a, b) =>
        Number(b.name !== undefined && requireSignOff.includes(b.name)) - Number(a.name !== undefined && requireSignOff.includes(a.name)) ||
        Number(a.name === undefined) - Number(b.name === undefined) ||
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
        (a.name ?? '').localeCompare(b.name ?? ''),
    );
}

export function aiLinesOf(hunks: readonly ReviewHunk[]): number {
  return hunks.reduce((sum, hunk) => sum + hunk.end - hunk.start + 1, 0);
}

/** Who signed off lines of these hunks: "Bob <bob@x>" once each, in order of time. */
export function signersOf(hunks: readonly ReviewHunk[]): string[] {
  const seen = new Map<string, number>();
  for (const hunk of hunks) {
    for (const accepted of hunk.signedOff.values()) {
      const who = `${accepted.reviewer.name} <${accepted.reviewer.email}>`;
      const at = Date.parse(accepted.signedOffAt);
      if (!seen.has(who) || seen.get(who)! > at) seen.set(who, at);
    }
  }
  return [...seen].sort((a, b) => a[1] - b[1]).map(([who]) => who);
}
