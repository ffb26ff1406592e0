import { findOrder, orderTotal } from '../orders/orders.ts';
import { gateway } from './gateway.ts';
import { postEntry } from './ledger.ts';

export interface Charge {
  id: string;
  gatewayId: string;
  orderId: string;
  customerId: string;
  amountCents: number;
  refundedCents: number;
  status: 'captured' | 'declined' | 'disputed';
}

const charges = new Map<string, Charge>();

/** Charges the card for an order's total and books it. */
export async function chargeOrder(customerId: string, orderId: string, cardToken: string): Promise<Charge> {
  const order = findOrder(orderId);
  if (order.customerId !== customerId) throw new Error(`order ${orderId} is not yours`);
  const amountCents = orderTotal(order.lines);
  const captured = await gateway.capture(cardToken, amountCents);
  const charge: Charge = {
    id: `charge-${charges.size + 1}`,
    gatewayId: captured.id,
    orderId,
    customerId,
    amountCents,
    refundedCents: 0,
    status: captured.status === 'succeeded' ? 'captured' : 'declined',
  };
  charges.set(charge.id, charge);
  if (charge.status === 'captured') {
    postEntry({ account: `customer:${customerId}`, amountCents: -amountCents, memo: `charge ${charge.id}` });
    postEntry({ account: 'revenue', amountCents, memo: `order ${orderId}` });
  }
  return charge;
}

export function findCharge(chargeId: string): Charge {
  const charge = charges.get(chargeId);
  if (!charge) throw new Error(`no charge ${chargeId}`);
  return charge;
}
