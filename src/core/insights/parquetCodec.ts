// Bundled on its own (dist/parquetCodec.js) and loaded by parquet.ts when a
// Parquet file is written or read.
import type { parquetReadObjects } from 'hyparquet';
import type { parquetWriteBuffer } from 'hyparquet-writer';

export interface ParquetCodec {
  readonly parquetWriteBuffer: typeof parquetWriteBuffer;
  readonly parquetReadObjects: typeof parquetReadObjects;
}

export async function codec(): Promise<ParquetCodec> {
  const [writer, reader] = await Promise.all([import('hyparquet-writer'), import('hyparquet')]);
  return { parquetWriteBuffer: writer.parquetWriteBuffer, parquetReadObjects: reader.parquetReadObjects };
}
