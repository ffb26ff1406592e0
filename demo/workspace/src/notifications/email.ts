import { formatCents } from '../util/money.ts';

/** Writes e-mails to the log; the real service hands them to the mail relay. */
export function sendOrderConfirmation(customerId: string, orderId: string, totalCents: number): void {
  console.log(`[mail] to ${customerId}: order ${orderId} confirmed, ${formatCents(totalCents)}`);
}
