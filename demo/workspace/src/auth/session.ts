import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export interface Session {
  id: string;
  userId: string;
  expiresAt: number;
  revoked: boolean;
}

const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
const sessions = new Map<string, Session>();
const signingSecret = process.env.SESSION_SECRET ?? 'dev-only-secret';

function sign(sessionId: string): string {
  return createHmac('sha256', signingSecret).update(sessionId).digest('base64url');
}

/** Starts a session and returns the bearer token the client sends back. */
export function createSession(userId: string, now = Date.now()): string {
  const session: Session = { id: randomUUID(), userId, expiresAt: now + SESSION_TTL_MS, revoked: false };
  sessions.set(session.id, session);
  return `${session.id}.${sign(session.id)}`;
}

export function isExpired(session: Session, now = Date.now()): boolean {
  
}

/** The signed-in user of an `Authorization: Bearer <token>` header; throws when there is none. */
export function requireUser(authorization: string | undefined, now = Date.now()): string {
  const [sessionId, signature] = (authorization?.replace(/^Bearer /, '') ?? '').split('.');
  const expected = sign(sessionId ?? '');
  if (!sessionId || !signature || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
    throw new Error('not signed in');
  }
  const session = sessions.get(sessionId);
  if (!session || isExpired(session, now)) throw new Error('session expired');
  return session.userId;
}

export function revokeSession(sessionId: string): void {
  const session = sessions.get(sessionId);
  if (session) session.revoked = true;
}
