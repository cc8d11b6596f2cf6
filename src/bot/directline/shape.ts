import type { ClientActivity } from './conversations.ts';

/**
 * What a client may say in an activity, and what it is turned into. Only known fields pass, with types
 * and lengths checked; the sender is always the token's person, never what the body claims.
 */
export interface PostedActivity {
  /** What goes into the transcript and back to the page (Web Chat matches it by `clientActivityID`). */
  echo: ClientActivity;
  /** The fields the bot's turn gets on top of the conversation's envelope. */
  turn: Record<string, unknown>;
}

export type ShapeProblem = 'unsupported-type' | 'bad-field' | 'text-too-long';

export const MAX_TEXT_CHARS = 10_000;
const TYPES = new Set(['message', 'event', 'typing']);
const TEXT_FORMATS = new Set(['plain', 'markdown', 'xml']);
const LOCALE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/;
/** A wall-clock time with its offset, as Web Chat sends `localTimestamp`. */
const LOCAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?([+-]\d{2}:\d{2}|Z)$/;

export function postedActivity(body: Record<string, unknown>, userId: string): PostedActivity | ShapeProblem {
  const type = body.type;
  if (typeof type !== 'string' || !TYPES.has(type)) return 'unsupported-type';
  const text = optionalString(body.text, MAX_TEXT_CHARS + 1);
  if (text === null) return 'bad-field';
  if (text !== undefined && text.length > MAX_TEXT_CHARS) return 'text-too-long';
  const textFormat = optionalString(body.textFormat, 16);
  const locale = optionalString(body.locale, 64);
  const name = optionalString(body.name, 256);
  const stamp = optionalString(body.localTimestamp, 40);
  const zone = optionalString(body.localTimezone, 64);
  if ([textFormat, locale, name, stamp, zone].includes(null)) return 'bad-field';
  if (textFormat !== undefined && !TEXT_FORMATS.has(textFormat as string)) return 'bad-field';

  const fields: Record<string, unknown> = { type, from: { id: userId, role: 'user' } };
  if (text !== undefined) fields.text = text;
  if (textFormat) fields.textFormat = textFormat;
  if (locale && LOCALE.test(locale)) fields.locale = locale;
  if (name !== undefined) fields.name = name;
  if (body.value !== undefined) fields.value = body.value;
  const turn: Record<string, unknown> = { ...fields };
  // The person's clock and zone decide what "last month" means; anything unreadable is left out.
  if (stamp && LOCAL_TIMESTAMP.test(stamp) && !Number.isNaN(Date.parse(stamp))) {
    fields.localTimestamp = stamp;
    turn.localTimestamp = new Date(stamp);
    turn.rawLocalTimestamp = stamp;
  }
  if (zone && knownTimeZone(zone)) fields.localTimezone = turn.localTimezone = zone;
  const clientData = clientChannelData(body.channelData);
  return { echo: { ...fields, type, ...(clientData ? { channelData: clientData } : {}) }, turn };
}

/** The bot's activity as the page gets it: what Web Chat draws, without the bot-side envelope. */
export function botActivity(body: Record<string, unknown>, from: Record<string, string>): ClientActivity {
  const activity: ClientActivity = {
    type: typeof body.type === 'string' && body.type ? body.type : 'message',
    from,
  };
  for (const field of BOT_FIELDS)
    if (body[field] !== undefined && body[field] !== null) activity[field] = body[field];
  return activity;
}

const BOT_FIELDS = [
  'text',
  'textFormat',
  'speak',
  'inputHint',
  'locale',
  'attachments',
  'attachmentLayout',
  'suggestedActions',
  'entities',
  'value',
  'name',
  'replyToId',
  'summary',
] as const;

/** Only the two fields Web Chat uses to recognise its own message when it comes back. */
function clientChannelData(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const data = value as Record<string, unknown>;
  const kept: Record<string, string> = {};
  for (const key of ['clientActivityID', 'clientTimestamp']) {
    const v = data[key];
    if (typeof v === 'string' && v.length <= 128) kept[key] = v;
  }
  return Object.keys(kept).length ? kept : undefined;
}

/** undefined when absent, null when present but not a string of at most `max` characters. */
function optionalString(value: unknown, max: number): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' && value.length <= max ? value : null;
}

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
