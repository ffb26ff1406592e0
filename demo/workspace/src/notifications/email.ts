import { formatCents, formatDate } from '../util/index.ts';

/** Writes e-mails to the log; the real service hands them to the mail relay. */
export function sendOrderConfirmation(customerId: string, orderId: string, totalCents: number): void {
  console.log(`[mail] to ${customerId}: order ${orderId} confirmed on ${formatDate(new Date())}, ${formatCents(totalCents)}`);
}
