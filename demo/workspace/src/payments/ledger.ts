/** The double-entry ledger every money movement is written to. */
export interface LedgerEntry {
  account: string;
  /** Signed: money in is positive. */
  amountCents: number;
  memo: string;
  at: number;
}

const entries: LedgerEntry[] = [];

export function postEntry(entry: Omit<LedgerEntry, 'at'>, at = Date.now()): void {
  if (!Number.isInteger(entry.amountCents)) throw new Error('ledger amounts are whole cents');
  entries.push({ ...entry, at });
}

export function balanceOf(account: string): number {
  return entries.filter((entry) => entry.account === account).reduce((sum, entry) => sum + entry.amountCents, 0);
}

export function entriesBetween(from: number, to: number): readonly LedgerEntry[] {
  return entries.filter((entry) => entry.at >= from && entry.at < to);
}
