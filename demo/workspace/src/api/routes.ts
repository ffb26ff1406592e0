import { requireUser } from '../auth/session.ts';
import { signIn } from '../auth/login.ts';
import { placeOrder, orderTotal } from '../orders/orders.ts';
import { chargeOrder } from '../payments/charge.ts';
import { refundCharge, type RefundReason } from '../payments/refund.ts';
import { handleGatewayEvent } from '../payments/webhooks.ts';
import { openDispute } from '../support/disputes.ts';

export interface Result {
  status: number;
  body: unknown;
}

type Handler = (body: any, userId: string) => Promise<unknown> | unknown;

/** Routes that need a signed-in user; sign-in itself is public. */
const routes: Record<string, Handler> = {
  'POST /orders': (body, userId) => placeOrder(userId, body.lines),
  'POST /orders/total': (body) => ({ totalCents: orderTotal(body.lines) }),
  'POST /charges': (body, userId) => chargeOrder(userId, body.orderId, body.cardToken),
  'POST /refunds': (body) => refundCharge(body.chargeId, body.amountCents, body.reason as RefundReason),
  'POST /disputes': (body, userId) => openDispute(userId, body.chargeId, body.message),
};

export async function handle(route: string, body: any, authorization: string | undefined): Promise<Result> {
  try {
    if (route === 'POST /sessions') return { status: 201, body: await signIn(body.email, body.password) };
    if (route === 'POST /webhooks/gateway') return { status: 202, body: await handleGatewayEvent(body) };
    const handler = routes[route];
    if (!handler) return { status: 404, body: { error: `no route ${route}` } };
    const userId = requireUser(authorization);
    return { status: 200, body: await handler(body, userId) };
  } catch (error) {
    return { status: 400, body: { error: (error as Error).message } };
  }
}
