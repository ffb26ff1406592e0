import { lineTotal, type OrderLine } from './pricing.ts';
import { sendOrderConfirmation } from '../notifications/email.ts';

export type { OrderLine };

export interface Order {
  id: string;
  customerId: string;
  lines: OrderLine[];
  placedAt: number;
}

const orders = new Map<string, Order>();

export function placeOrder(customerId: string, lines: OrderLine[]): Order {
  if (lines.length === 0) throw new Error('an order needs at least one line');
  const order: Order = { id: `order-${orders.size + 1}`, customerId, lines, placedAt: Date.now() };
  orders.set(order.id, order);
  sendOrderConfirmation(customerId, order.id, orderTotal(lines));
  return order;
}

export function findOrder(orderId: string): Order {
  const order = orders.get(orderId);
  if (!order) throw new Error(`no order ${orderId}`);
  return order;
}

export function orderTotal(lines: readonly OrderLine[]): number {
  return lines.reduce((sum, line) => sum + lineTotal(line), 0);
}
