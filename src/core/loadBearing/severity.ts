/** How much harm a defect in a load-bearing file can do, lowest first. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** A file's severity: the highest of its classes, or 'none' when it has none. */
export type FileSeverity = Severity | 'none';

const RANK: Readonly<Record<FileSeverity, number>> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

export function severityRank(severity: FileSeverity): number {
  return RANK[severity];
}

export function maxSeverity(a: FileSeverity, b: FileSeverity): FileSeverity {
  return RANK[b] > RANK[a] ? b : a;
}
