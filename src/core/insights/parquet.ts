import { join } from 'node:path';
import { EXPORT_COLUMNS, EXPORT_SCHEMA_VERSION, toExportRow, type ColumnType, type ExportColumn, type ExportRow } from './exportSchema';
import type { ReadRows } from './jsonLines';
import type { ParquetCodec } from './parquetCodec';

/** Parquet schema elements of one column (a list is the standard three-level LIST group). */
function schemaOf(column: ExportColumn): Record<string, unknown>[] {
  const repetition = column.nullable ? 'OPTIONAL' : 'REQUIRED';
  const leaf = (type: ColumnType): Record<string, unknown> => {
    switch (type) {
      case 'string':
      case 'string[]':
        return { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } };
      case 'int':
      case 'int[]':
        return { type: 'INT32' };
      case 'bool':
        return { type: 'BOOLEAN' };
      case 'timestamp':
        return { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' } };
    }
  };
  if (column.type === 'string[]' || column.type === 'int[]') {
    return [
      { name: column.name, repetition_type: repetition, converted_type: 'LIST', logical_type: { type: 'LIST' }, num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', repetition_type: 'REQUIRED', ...leaf(column.type) },
    ];
  }
  return [{ name: column.name, repetition_type: repetition, ...leaf(column.type) }];
}

/** The rows as a Parquet file (hyparquet-writer, Snappy-compressed), with the schema version in its metadata. */
export async function toParquet(rows: readonly ExportRow[], createdBy: string): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await parquetCodec();
  const columnData = EXPORT_COLUMNS.map((column) => ({
    name: column.name,
    data: rows.map((row) => {
      const value = row[column.name];
      return column.type === 'timestamp' && typeof value === 'string' ? new Date(value) : value;
    }),
  }));
  const buffer = parquetWriteBuffer({
    columnData: columnData as never,
    schema: [{ name: 'root', num_children: EXPORT_COLUMNS.length }, ...EXPORT_COLUMNS.flatMap(schemaOf)] as never,
    kvMetadata: [{ key: 'ai-provenance.export.schema_version', value: String(EXPORT_SCHEMA_VERSION) }],
    createdBy,
  });
  return new Uint8Array(buffer);
}

/**
 * Rows of a Parquet export (hyparquet: uncompressed or Snappy, as `export`
 * writes them); rows that are not v1 rows are reported and skipped.
 */
export async function fromParquet(bytes: Uint8Array, name: string): Promise<ReadRows> {
  const { parquetReadObjects } = await parquetCodec();
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const objects = (await parquetReadObjects({ file })) as unknown[];
  const rows: ExportRow[] = [];
  const problems: string[] = [];
  objects.forEach((object, index) => {
    const row = toExportRow(object);
    if (typeof row === 'string') problems.push(`${name}: row ${index + 1}: ${row}`);
    else rows.push(row);
  });
  return { rows, problems };
}

/**
 * The Parquet reader and writer (hyparquet, ~280 KB bundled) live in their
 * own bundle next to this module (dist/parquetCodec.js, or the compiled
 * parquetCodec.js in tests), loaded on first use: the CLI bundle, which every
 * commit hook starts, stays small.
 */
function parquetCodec(): Promise<ParquetCodec> {
  const load = require as (path: string) => unknown; // not a literal: the bundler must leave it alone
  return (load(join(__dirname, 'parquetCodec.js')) as { codec(): Promise<ParquetCodec> }).codec();
}
