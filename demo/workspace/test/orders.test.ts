import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { orderTotal } from '../src/orders/orders.ts';

test('an order total sums its lines', () => {
  assert.equal(orderTotal([{ sku: 'mug', quantity: 2, unitPriceCents: 1_250 }, { sku: 'tea', quantity: 1, unitPriceCents: 800 }]), 3_300);
});
