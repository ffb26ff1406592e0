/** Dates as e-mails and receipts show them: 3 March 2026. */
export function formatDate(date: Date): string {
  return date.toLocaleDateString('en-IE', { day: 'numeric', month: 'long', year: 'numeric' });
}
