import { refundCharge, type RefundReason } from './refund.ts';

/** Events the card processor posts to us when something happens on its side. */
export type GatewayEvent =
  | { type: 'refund.requested'; chargeId: string; amountCents: number; reason: RefundReason }
  | { type: 'charge.disputed'; chargeId: string };

/** Refunds started from the processor's dashboard go through the same checks as ours. */
export async function handleGatewayEvent(event: GatewayEvent): Promise<void> {
  switch (event.type) {
    case 'refund.requested':
      await refundCharge(event.chargeId, event.amountCents, event.reason);
      return;
    case 'charge.disputed':
      console.warn(`[payments] charge ${event.chargeId} disputed at the bank`);
      return;
  }
}
