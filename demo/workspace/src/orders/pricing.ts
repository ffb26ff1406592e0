export interface OrderLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

export function lineTotal(line: OrderLine): number {
  return line.quantity * line.unitPriceCents;
}
