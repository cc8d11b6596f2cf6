import type { IncomingMessage } from 'node:http';
import type { Conversation, Conversations } from './conversations.ts';
import { readMultipart } from './multipart.ts';
import { postedActivity, type PostedActivity, type ShapeProblem } from './shape.ts';

export interface UploadOptions {
  /** The limit on any chat attachment (the bot enforces it when it downloads the file). */
  maxFileBytes: number;
  /** Where the page fetches the file back from (the transcript links to it). */
  publicOrigin: string;
  /** Where the bot fetches it from: this server on loopback, the origin of its serviceUrl. */
  loopbackOrigin: string;
}

export type UploadProblem = ShapeProblem | 'no-file' | 'bad-activity';

const MAX_FILES = 5;
/** Room for the activity part, part headers and boundaries on top of the files themselves. */
const OVERHEAD_BYTES = 256 * 1024;

/**
 * `POST …/upload`, as DirectLineJS sends a message with files: a multipart body with an `activity` part
 * (the message, its attachments without content) and one part per file. Each file is kept for a while
 * under an unguessable id; the bot gets the message with each attachment's contentUrl on loopback and
 * downloads it from there, as from any channel's attachment service.
 */
export async function receiveUpload(
  req: IncomingMessage,
  conversation: Conversation,
  conversations: Conversations,
  options: UploadOptions,
): Promise<PostedActivity | UploadProblem> {
  const parts = await readMultipart(req, {
    // A body is held whole while it is split, so it is bounded: a file somewhat over the limit still
    // reaches the bot, which refuses it in its own words; one far over is refused here (413).
    maxBytes: Math.ceil(options.maxFileBytes * 1.5) + OVERHEAD_BYTES,
    maxParts: MAX_FILES + 1,
    timeoutMs: 120_000,
  });
  const activityPart =
    parts.find((p) => p.field === 'activity' && p.filename === undefined) ??
    parts.find((p) => p.field === 'activity');
  const files = parts.filter((p) => p !== activityPart && p.data.length > 0);
  if (files.length === 0) return 'no-file';

  let body: Record<string, unknown> = { type: 'message' };
  if (activityPart) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(activityPart.data));
    } catch {
      return 'bad-activity';
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'bad-activity';
    body = parsed as Record<string, unknown>;
    if (body.type !== 'message') return 'bad-activity';
  }
  const posted = postedActivity(body, conversation.userId);
  if (typeof posted === 'string') return posted;

  const echoed: Record<string, string>[] = [];
  const forBot: Record<string, string>[] = [];
  for (const file of files) {
    const name = safeName(file.filename ?? file.field);
    const id = await conversations.putFile(conversation, {
      name,
      contentType: file.contentType,
      bytes: file.data,
    });
    const path = `/v3/directline/attachments/${id}`;
    echoed.push({ contentType: file.contentType, name, contentUrl: `${options.publicOrigin}${path}` });
    forBot.push({ contentType: file.contentType, name, contentUrl: `${options.loopbackOrigin}${path}` });
  }
  return { echo: { ...posted.echo, attachments: echoed }, turn: { ...posted.turn, attachments: forBot } };
}

/** A file name to show and to keep: no folders, no control characters, not too long. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base].filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f).join('');
  return clean.trim().slice(0, 200) || 'statement';
}
