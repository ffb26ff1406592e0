/**
 * One row per commit x file: the export format (`ai-provenance export`,
 * JSON Lines or Parquet), and what `insights --from` reads back. A contract
 * documented in docs/INSIGHTS.md: any change of meaning bumps the version;
 * readers ignore columns they do not know and refuse a higher version.
 */
export const EXPORT_SCHEMA_VERSION = 1;

export interface ExportRow {
  readonly schema_version: number;
  /** The repository's name (its folder name unless `--repository` says otherwise). */
  readonly repository: string;
  readonly commit: string;
  readonly author_name: string;
  readonly author_email: string;
  /** Commit (committer) time, ISO 8601 UTC in JSON Lines, TIMESTAMP (UTC, ms) in Parquet. */
  readonly committed_at: string;
  /** Repo-relative path in the commit. */
  readonly file: string;
  /** Highest-severity load-bearing class when exported (the exporter's configuration); null when none. */
  readonly class: string | null;
  /** Non-blank lines the commit added or changed in the file. */
  readonly added_lines: number;
  readonly ai_lines: number;
  /** AI lines marked reviewed in the editor before the commit. */
  readonly reviewed_lines: number;
  /** A sign-off covers this commit and file. */
  readonly signed_off: boolean;
  readonly signed_off_at: string | null;
  readonly signed_off_by: string | null;
  /** Distinct sources, tools and models of the AI lines, most lines first, with the AI lines of each (parallel lists). */
  readonly sources: readonly string[];
  readonly source_lines: readonly number[];
  readonly tools: readonly string[];
  readonly tool_lines: readonly number[];
  readonly models: readonly string[];
  readonly model_lines: readonly number[];
  /** Dependent files of the file's AI lines and how many are load-bearing, as recorded in the note; null when unknown. */
  readonly blast_radius_files: number | null;
  readonly blast_radius_load_bearing: number | null;
}

export type ColumnType = 'string' | 'int' | 'bool' | 'timestamp' | 'string[]' | 'int[]';

export interface ExportColumn {
  readonly name: keyof ExportRow;
  readonly type: ColumnType;
  readonly nullable: boolean;
}

/** Column order and types (Parquet schema, docs table). */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { name: 'schema_version', type: 'int', nullable: false },
  { name: 'repository', type: 'string', nullable: false },
  { name: 'commit', type: 'string', nullable: false },
  { name: 'author_name', type: 'string', nullable: false },
  { name: 'author_email', type: 'string', nullable: false },
  { name: 'committed_at', type: 'timestamp', nullable: false },
  { name: 'file', type: 'string', nullable: false },
  { name: 'class', type: 'string', nullable: true },
  { name: 'added_lines', type: 'int', nullable: false },
  { name: 'ai_lines', type: 'int', nullable: false },
  { name: 'reviewed_lines', type: 'int', nullable: false },
  { name: 'signed_off', type: 'bool', nullable: false },
  { name: 'signed_off_at', type: 'timestamp', nullable: true },
  { name: 'signed_off_by', type: 'string', nullable: true },
  { name: 'sources', type: 'string[]', nullable: false },
  { name: 'source_lines', type: 'int[]', nullable: false },
  { name: 'tools', type: 'string[]', nullable: false },
  { name: 'tool_lines', type: 'int[]', nullable: false },
  { name: 'models', type: 'string[]', nullable: false },
  { name: 'model_lines', type: 'int[]', nullable: false },
  { name: 'blast_radius_files', type: 'int', nullable: true },
  { name: 'blast_radius_load_bearing', type: 'int', nullable: true },
];

/**
 * A row read back from an export, checked and normalized (times as ISO
 * strings, lists as arrays); a message when it is not a v1 row.
 */
export function toExportRow(value: unknown): ExportRow | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const record = value as Record<string, unknown>;
  const version = Number(record.schema_version);
  if (!Number.isInteger(version)) return 'no schema_version';
  if (version > EXPORT_SCHEMA_VERSION) return `schema_version ${version} is newer than this tool understands (${EXPORT_SCHEMA_VERSION})`;
  const row: Record<string, unknown> = {};
  for (const column of EXPORT_COLUMNS) {
    const raw = record[column.name];
    if (raw === null || raw === undefined) {
      if (!column.nullable) return `${column.name} is missing`;
      row[column.name] = null;
      continue;
    }
    const normalized = normalize(raw, column.type);
    if (normalized === undefined) return `${column.name} is not a ${column.type}`;
    row[column.name] = normalized;
  }
  return row as unknown as ExportRow;
}

function normalize(value: unknown, type: ColumnType): unknown {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'int':
      return typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'bigint' ? Number(value) : undefined;
    case 'bool':
      return typeof value === 'boolean' ? value : undefined;
    case 'timestamp': {
      const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : NaN;
      return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
    }
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
    case 'int[]': {
      if (!Array.isArray(value)) return undefined;
      const numbers = value.map((item) => (typeof item === 'bigint' ? Number(item) : item));
      return numbers.every((item) => typeof item === 'number' && Number.isFinite(item)) ? numbers : undefined;
    }
  }
}
