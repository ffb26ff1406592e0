import { randomUUID } from 'node:crypto';

/**
 * The card processor's API. A stand-in that answers like the real one
 * (amounts in cents, ids prefixed by kind) so the demo runs offline.
 */
export const gateway = {
  async capture(cardToken: string, amountCents: number): Promise<{ id: string; status: 'succeeded' | 'declined' }> {
    const declined = cardToken.startsWith('tok_declined');
    return { id: `ch_${randomUUID()}`, status: declined || amountCents <= 0 ? 'declined' : 'succeeded' };
  },
  async refund(gatewayChargeId: string, amountCents: number): Promise<{ id: string; amountCents: number }> {
    if (!gatewayChargeId.startsWith('ch_')) throw new Error(`unknown gateway charge ${gatewayChargeId}`);
    return { id: `re_${randomUUID()}`, amountCents };
  },
};
