// The demo's suggestions: what an AI assistant might plausibly propose in the
// demo workspace, fixed so that the demo and the end-to-end test see the same
// thing every time. Pure (no `vscode`) so the matching is easy to follow.

export interface Suggestion {
  /** Offered once the text before the cursor (indentation aside) starts with this. */
  readonly trigger: string;
  /** Only in files whose path ends with this ('/'-separated). */
  readonly fileEndsWith?: string;
  /** Only when the line above matches (keeps generic triggers such as `return ` in place). */
  readonly lineAbove?: RegExp;
  /** The whole suggested text, trigger included, indented as at column 0 of the trigger's line. */
  readonly text: string;
}

export const suggestions: readonly Suggestion[] = [
  {
    trigger: 'function assertRefundable(',
    fileEndsWith: 'payments/refund.ts',
    text: `function assertRefundable(charge: Charge, amountCents: number): void {
  if (charge.status !== 'captured') {
    throw new RefundError(\`charge \${charge.id} is \${charge.status}, not captured\`);
  }
  if (!Number.isInteger(amountCents) || amountCents <= 0) {
    throw new RefundError(\`a refund is a positive number of cents, not \${amountCents}\`);
  }
  const left = charge.amountCents - charge.refundedCents;
  if (amountCents > left) {
    throw new RefundError(\`\${amountCents} cents is more than the \${left} left on \${charge.id}\`);
  }
}`,
  },
  {
    trigger: 'return ',
    fileEndsWith: 'auth/session.ts',
    lineAbove: /function isExpired\(/,
    text: 'return session.revoked || now >= session.expiresAt;',
  },
  {
    trigger: 'export function revokeAllSessions(',
    fileEndsWith: 'auth/session.ts',
    text: `export function revokeAllSessions(userId: string): number {
  let revoked = 0;
  for (const session of sessions.values()) {
    if (session.userId === userId && !session.revoked) {
      session.revoked = true;
      revoked++;
    }
  }
  return revoked;
}`,
  },
  {
    trigger: 'export function applyDiscount(',
    fileEndsWith: 'orders/pricing.ts',
    text: `export function applyDiscount(totalCents: number, percent: number): number {
  if (percent < 0 || percent > 100) throw new Error(\`a discount is 0-100%, not \${percent}%\`);
  return Math.round(totalCents * (1 - percent / 100));
}`,
  },
  {
    trigger: 'resource "aws_db_instance" "orders" {',
    fileEndsWith: '.tf',
    text: `resource "aws_db_instance" "orders" {
  identifier             = "acme-orders-\${var.environment}"
  engine                 = "postgres"
  engine_version         = "16.3"
  instance_class         = "db.t4g.medium"
  allocated_storage      = 50
  storage_encrypted      = true
  deletion_protection    = true
  vpc_security_group_ids = [aws_security_group.orders_db.id]
}`,
  },
  {
    trigger: 'ALTER TABLE refunds',
    fileEndsWith: '.sql',
    text: `ALTER TABLE refunds
  ADD COLUMN gateway_refund_id TEXT UNIQUE,
  ADD COLUMN refunded_by TEXT NOT NULL DEFAULT 'system';`,
  },
];

/**
 * A replacement of part of the cursor's line, as inline completions prefer:
 * from where the typed text starts to the end of what the editor auto-closed.
 * The editor shows as ghost text what it adds to the line.
 */
export interface Offer {
  readonly text: string;
  readonly startCharacter: number;
  readonly endCharacter: number;
}

export interface LineContext {
  /** '/'-separated path of the document. */
  readonly path: string;
  readonly textBeforeCursor: string;
  readonly textAfterCursor: string;
  readonly lineAbove: string;
}

/**
 * The suggestion the line has started, if any. Typing along shrinks what is
 * left of it, and after a partial accept the rest is still offered. Text
 * after the cursor may only be what the editor auto-closed (brackets,
 * quotes), which the suggestion replaces.
 */
export function offerAt(context: LineContext): Offer | undefined {
  const indentation = /^\s*/.exec(context.textBeforeCursor)![0];
  const typed = context.textBeforeCursor.slice(indentation.length);
  if (!/^[\s)\]}'"`;]*$/.test(context.textAfterCursor)) return undefined;
  for (const suggestion of suggestions) {
    if (suggestion.fileEndsWith && !context.path.endsWith(suggestion.fileEndsWith)) continue;
    if (suggestion.lineAbove && !suggestion.lineAbove.test(context.lineAbove)) continue;
    if (!typed.startsWith(suggestion.trigger) || !suggestion.text.startsWith(typed) || suggestion.text === typed) continue;
    return {
      // Later lines are indented like the line being typed.
      text: suggestion.text.replace(/\n/g, `\n${indentation}`),
      startCharacter: indentation.length,
      endCharacter: context.textBeforeCursor.length + context.textAfterCursor.trimEnd().length,
    };
  }
  return undefined;
}
