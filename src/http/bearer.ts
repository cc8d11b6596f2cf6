/**
 * A first look at the Authorization header when Bot Framework authentication is on, before the body is
 * read: what could never be a valid channel token (no header, another scheme, not a JWT, unsigned or signed
 * with a shared secret, long expired) is refused without reading the body or calling out to fetch signing
 * keys. Whatever passes still goes through the SDK's full check of issuer, signature and audience.
 */

/** Why a header was refused; safe to log (never the token). */
export type BearerRefusal = 'missing' | 'not-bearer' | 'malformed' | 'unsigned' | 'expired' | 'not-yet-valid';

/** The asymmetric algorithms Bot Framework signs with (the SDK accepts only these). */
const SIGNING_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
/** The SDK allows five minutes of clock skew; refusing earlier would refuse tokens it accepts. */
const CLOCK_TOLERANCE_S = 5 * 60;
const MAX_HEADER_CHARS = 16 * 1024;
const JWT = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

export function bearerRefusal(
  header: string | string[] | undefined,
  nowMs = Date.now(),
): BearerRefusal | undefined {
  if (header === undefined || header === '') return 'missing';
  if (typeof header !== 'string' || header.length > MAX_HEADER_CHARS) return 'malformed';
  if (!header.startsWith('Bearer ')) return 'not-bearer';
  const match = JWT.exec(header.slice('Bearer '.length));
  if (!match) return 'malformed';
  const [, head = '', body = '', signature = ''] = match;
  const jose = decodePart(head);
  const claims = decodePart(body);
  if (!jose || !claims) return 'malformed';
  if (typeof jose.alg !== 'string' || !SIGNING_ALGORITHMS.has(jose.alg) || signature === '')
    return 'unsigned';
  const now = nowMs / 1000;
  if (typeof claims.exp === 'number' && claims.exp + CLOCK_TOLERANCE_S < now) return 'expired';
  if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_TOLERANCE_S > now) return 'not-yet-valid';
  return undefined;
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
