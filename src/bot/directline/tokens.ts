import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '../../config.ts';

/**
 * Direct Line tokens: compact JWTs signed with HS256 under Tally's own secret. A token names one person
 * (`user`, always `dl_…`, chosen here and never by the browser) and one conversation (`conv`). Web Chat and
 * DirectLineJS read the `user` claim to know who they are speaking as. A stream token (`scope: 'stream'`)
 * rides in the WebSocket URL and opens nothing else.
 */
export interface TokenClaims {
  user: string;
  conv: string;
  scope: 'api' | 'stream';
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
}

export type TokenRefusal = 'missing' | 'malformed' | 'bad-signature' | 'expired' | 'wrong-scope';

export class TokenError extends Error {
  override name = 'TokenError';
  constructor(readonly reason: TokenRefusal) {
    super(reason);
  }
  /** 401 when no credentials were offered at all; 403 (what DirectLineJS reads as "expired") otherwise. */
  get status(): 401 | 403 {
    return this.reason === 'missing' ? 401 : 403;
  }
}

const ISSUER = 'tally';
const AUDIENCE = 'tally-directline';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A fresh id a person gets from a token: `dl_` marks ids only a token may carry. */
export function newUserId(): string {
  return `dl_${randomBytes(16).toString('base64url')}`;
}

export function newConversationId(): string {
  return randomBytes(18).toString('base64url');
}

export class TokenSigner {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('a Direct Line secret needs at least 32 bytes');
  }

  sign(claims: Omit<TokenClaims, 'iat' | 'exp'>, lifetimeSeconds: number, now = Date.now()): string {
    const iat = Math.floor(now / 1000);
    const payload = { iss: ISSUER, aud: AUDIENCE, ...claims, iat, nbf: iat, exp: iat + lifetimeSeconds };
    const body = `${HEADER}.${base64url(JSON.stringify(payload))}`;
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  /** The claims of a token this signer issued, of the given scope, still valid at `now`; else a TokenError. */
  verify(token: string | undefined, scope: TokenClaims['scope'], now = Date.now()): TokenClaims {
    if (!token) throw new TokenError('missing');
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) throw new TokenError('malformed');
    const [header, payload, signature] = parts as [string, string, string];
    const expected = this.mac(`${header}.${payload}`);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new TokenError('bad-signature');
    const claims = parseClaims(payload);
    if (!claims) throw new TokenError('malformed');
    if (claims.exp * 1000 <= now) throw new TokenError('expired');
    if (claims.scope !== scope) throw new TokenError('wrong-scope');
    return claims;
  }

  private mac(text: string): Buffer {
    return createHmac('sha256', this.secret).update(text).digest();
  }
}

/** The token in an `Authorization: Bearer …` header, if there is one. */
export function bearer(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match?.[1];
}

/**
 * The signing secret: `TALLY_DIRECTLINE_SECRET` when set (at least 32 characters), otherwise random bytes
 * made at start-up, so tokens then do not outlive the process.
 */
export function directLineSecret(configured: string | undefined): { secret: Buffer; generated: boolean } {
  const text = configured?.trim() ?? '';
  if (!text) return { secret: randomBytes(32), generated: true };
  if (text.length < 32) throw new ConfigError('TALLY_DIRECTLINE_SECRET must be at least 32 characters');
  return { secret: Buffer.from(text, 'utf8'), generated: false };
}

function parseClaims(payload: string): TokenClaims | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const c = value as Record<string, unknown> | null;
  if (typeof c !== 'object' || c === null || c.iss !== ISSUER || c.aud !== AUDIENCE) return undefined;
  const { user, conv, scope, iat, exp } = c;
  if (typeof user !== 'string' || !user.startsWith('dl_') || !ID.test(user.slice(3))) return undefined;
  if (typeof conv !== 'string' || !ID.test(conv)) return undefined;
  if (scope !== 'api' && scope !== 'stream') return undefined;
  if (typeof iat !== 'number' || typeof exp !== 'number') return undefined;
  return { user, conv, scope, iat, exp };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
