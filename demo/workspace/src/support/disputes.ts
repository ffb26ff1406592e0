import { findCharge } from '../payments/charge.ts';
import { refundCharge } from '../payments/refund.ts';
import { formatCents } from '../util/index.ts';

export interface Dispute {
  chargeId: string;
  customerId: string;
  message: string;
  resolution: 'refunded' | 'open';
}

/** Small claims are refunded at once; anything else waits for a person. */
const AUTO_REFUND_LIMIT_CENTS = 2_000;

export async function openDispute(customerId: string, chargeId: string, message: string): Promise<Dispute> {
  const charge = findCharge(chargeId);
  const left = charge.amountCents - charge.refundedCents;
  if (charge.customerId === customerId && left > 0 && left <= AUTO_REFUND_LIMIT_CENTS) {
    await refundCharge(chargeId, left, 'requested_by_customer');
    return { chargeId, customerId, message, resolution: 'refunded' };
  }
  return { chargeId, customerId, message, resolution: 'open' };
}

/** One line for the support queue. */
export function disputeSummary(dispute: Dispute, amountCents: number): string {
  return `${dispute.chargeId}: ${formatCents(amountCents)} (${dispute.resolution})`;
}
