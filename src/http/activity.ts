/**
 * The envelope of a Bot Framework activity as every turn relies on it. A body that lacks these, or carries
 * them with the wrong types, is the client's fault (400) and never reaches a turn, where it would surface
 * as a TypeError and an apology.
 */
export type ActivityProblem =
  | 'missing-type'
  | 'missing-channel'
  | 'bad-service-url'
  | 'missing-conversation'
  | 'missing-from'
  | 'missing-recipient'
  | 'bad-field';

/** Optional fields that, when present, must be strings. */
const STRING_FIELDS = [
  'id',
  'text',
  'locale',
  'localTimezone',
  'deliveryMode',
  'replyToId',
  'textFormat',
  'name',
] as const;
/** Optional fields that, when present, must be dates in ISO form. */
const DATE_FIELDS = ['timestamp', 'localTimestamp', 'expiration'] as const;
/** Optional lists of people (or the bot) that a turn walks through. */
const ACCOUNT_LISTS = ['membersAdded', 'membersRemoved'] as const;

export function activityProblem(body: unknown): ActivityProblem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'missing-type';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || a.type === '') return 'missing-type';
  if (typeof a.channelId !== 'string' || a.channelId === '') return 'missing-channel';
  if (!isHttpUrl(a.serviceUrl)) return 'bad-service-url';
  if (!hasId(a.conversation)) return 'missing-conversation';
  if (!hasId(a.from)) return 'missing-from';
  if (!hasId(a.recipient)) return 'missing-recipient';
  if (STRING_FIELDS.some((f) => a[f] !== undefined && typeof a[f] !== 'string')) return 'bad-field';
  if (DATE_FIELDS.some((f) => a[f] !== undefined && !isDate(a[f]))) return 'bad-field';
  if (
    ACCOUNT_LISTS.some(
      (f) => a[f] !== undefined && !(Array.isArray(a[f]) && (a[f] as unknown[]).every(hasId)),
    )
  )
    return 'bad-field';
  if (a.attachments !== undefined && !(Array.isArray(a.attachments) && a.attachments.every(isAttachment)))
    return 'bad-field';
  if (a.entities !== undefined && !(Array.isArray(a.entities) && a.entities.every(isObject)))
    return 'bad-field';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasId(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    value.id !== '' &&
    (value.name === undefined || value.name === null || typeof value.name === 'string')
  );
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isDate(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function isAttachment(value: unknown): boolean {
  if (!isObject(value)) return false;
  return (['contentType', 'contentUrl', 'name'] as const).every(
    (f) => value[f] === undefined || value[f] === null || typeof value[f] === 'string',
  );
}
