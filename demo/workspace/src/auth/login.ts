import { scryptSync, timingSafeEqual } from 'node:crypto';
import { createSession } from './session.ts';

interface Account {
  userId: string;
  salt: string;
  passwordHash: string;
}

const accounts = new Map<string, Account>();

/** Checks an e-mail and password; returns a session token. */
export function signIn(email: string, password: string): { token: string } {
  const account = accounts.get(email.toLowerCase());
  const hash = scryptSync(password, account?.salt ?? 'no-such-account', 64);
  if (!account || !timingSafeEqual(hash, Buffer.from(account.passwordHash, 'hex'))) {
    throw new Error('wrong e-mail or password');
  }
  return { token: createSession(account.userId) };
}
