import type { ImportSummary } from '../ingest/importer.ts';
import {
  StatementError,
  StatementQuestion,
  TruncatedStatementError,
  type AccountType,
} from '../ingest/types.ts';
import { errorKind, log } from '../log.ts';
import type { TurnContext, TurnResult } from './types.ts';
import { dayRangeText } from './describe.ts';
import type { Attachment, DialogState, Pending, Reply } from './types.ts';

/** The file-download failure a channel can cause: too big, wrong origin, unreachable. */
export class AttachmentError extends Error {
  constructor(
    readonly reason: 'too-large' | 'not-allowed' | 'unreachable',
    readonly limitMb?: number,
  ) {
    super(reason);
    this.name = 'AttachmentError';
  }
}

/** "Link an account" (or a file dropped in the chat): consent first, then name and type, then the file. */
export async function startLink(
  ctx: TurnContext,
  state: DialogState,
  withFile: boolean,
): Promise<TurnResult> {
  const { services, input } = ctx;
  const attachment = withFile ? input.attachments[0] : undefined;
  const user = await services.store.users.get(input.userId);
  if (!user?.consentAt) {
    return {
      replies: [{ template: 'LinkExplain', suggestions: ['Yes, I agree', 'No thanks'] }],
      state: { ...state, pending: { kind: 'consent', attachment } },
    };
  }
  return askName(ctx, state, attachment);
}

/** Continues the link dialog; undefined when the message is not an answer to it (the user moved on). */
export async function linkTurn(
  ctx: TurnContext,
  pending: Pending,
  state: DialogState,
): Promise<TurnResult | undefined> {
  const { input, services, frame } = ctx;
  const text = input.text;
  const file = input.attachments[0];
  switch (pending.kind) {
    case 'consent': {
      const yes = frame.yesNo;
      if (yes === undefined)
        return file
          ? undefined
          : movedOn(ctx)
            ? undefined
            : reask(state, 'LinkExplain', ['Yes, I agree', 'No thanks']);
      if (!yes) return { replies: [{ template: 'LinkDeclined' }], state: { ...state, pending: undefined } };
      await services.store.users.recordConsent(input.userId, input.now);
      return askName(ctx, state, file ?? pending.attachment, true);
    }
    case 'account-name': {
      if (!text || movedOn(ctx)) return file ? askName(ctx, state, file) : undefined;
      const name = cleanName(text);
      const existing = ctx.vocabulary.accounts.find((a) => a.name.toLowerCase() === name.toLowerCase());
      const type = existing?.type ?? typeFromWords(name);
      const attachment = file ?? pending.attachment;
      if (!type)
        return {
          replies: [
            {
              template: 'AskAccountType',
              data: { name },
              suggestions: ['Checking', 'Savings', 'Credit card'],
            },
          ],
          state: { ...state, pending: { kind: 'account-type', name, attachment } },
        };
      return attachment
        ? runImport(ctx, state, { name: existing?.name ?? name, type, attachment, overrides: {} })
        : askUpload(state, existing?.name ?? name, type);
    }
    case 'account-type': {
      const type = frame.accountType ?? typeFromWords(text);
      if (!type)
        return movedOn(ctx)
          ? undefined
          : reask(state, 'AskAccountType', ['Checking', 'Savings', 'Credit card'], { name: pending.name });
      const attachment = file ?? pending.attachment;
      return attachment
        ? runImport(ctx, state, { name: pending.name, type, attachment, overrides: {} })
        : askUpload(state, pending.name, type);
    }
    case 'upload': {
      if (file)
        return runImport(ctx, state, {
          name: pending.name,
          type: pending.type,
          attachment: file,
          overrides: {},
        });
      return movedOn(ctx) ? undefined : reask(state, 'AskUpload', [], { name: pending.name });
    }
    case 'import-question': {
      const t = text.trim().toLowerCase();
      const picked =
        pending.options.find((o) => o.toLowerCase() === t) ??
        pending.options.find((o) => t.includes(o.toLowerCase()));
      if (!picked)
        return movedOn(ctx)
          ? undefined
          : reask(state, 'ImportQuestionAgain', pending.options, { options: pending.options });
      const overrides = { ...pending.overrides };
      if (pending.topic === 'date-format') overrides.dateFormat = picked;
      else if (pending.topic === 'sign')
        overrides.negate = picked === 'negate' || /flip|negat|positive/.test(picked);
      else overrides.columns = picked;
      return runImport(ctx, state, {
        name: pending.name,
        type: pending.type,
        attachment: pending.attachment,
        overrides,
      });
    }
    default:
      return undefined;
  }
}

async function askName(
  ctx: TurnContext,
  state: DialogState,
  attachment?: Attachment,
  consented = false,
): Promise<TurnResult> {
  const names = ctx.vocabulary.accounts.map((a) => a.name);
  return {
    replies: [
      {
        template: 'AskAccountName',
        data: { consented, existing: names, hasFile: Boolean(attachment) },
        suggestions: names.slice(0, 4),
      },
    ],
    state: { ...state, pending: { kind: 'account-name', attachment } },
  };
}

function askUpload(state: DialogState, name: string, type: AccountType): TurnResult {
  return {
    replies: [{ template: 'AskUpload', data: { name, type } }],
    state: { ...state, pending: { kind: 'upload', name, type } },
  };
}

function reask(
  state: DialogState,
  template: string,
  suggestions: string[],
  data: Record<string, unknown> = {},
): TurnResult {
  return { replies: [{ template, data, suggestions }], state };
}

/** The user asked something else instead of answering: let the question through. */
function movedOn(ctx: TurnContext): boolean {
  const intent = ctx.frame.intent;
  return (
    ctx.frame.confidence >= 0.6 &&
    !['none', 'yes', 'no', 'link_account'].includes(intent) &&
    (ctx.frame.words ?? 0) > 3
  );
}

async function runImport(
  ctx: TurnContext,
  state: DialogState,
  job: {
    name: string;
    type?: AccountType;
    attachment: Attachment;
    overrides: { dateFormat?: string; columns?: string; negate?: boolean };
  },
): Promise<TurnResult> {
  const { services, input } = ctx;
  let bytes: Buffer;
  try {
    bytes = await services.fetchAttachment(job.attachment);
  } catch (err) {
    const reason = err instanceof AttachmentError ? err.reason : 'unreachable';
    log.warn('attachment.refused', { reason, kind: errorKind(err) });
    return {
      replies: [
        {
          template: 'AttachmentRefused',
          data: { reason, limitMb: err instanceof AttachmentError ? err.limitMb : undefined },
        },
      ],
      state: { ...state, pending: { kind: 'upload', name: job.name, type: job.type } },
    };
  }
  // The import pipeline (parsers, enrichment tables) loads with the first statement, not at start-up.
  const { importStatement, MissingAccountTypeError } = await import('../ingest/importer.ts');
  try {
    const summary = await importStatement(services.store, {
      userId: input.userId,
      accountName: job.name,
      accountType: job.type,
      fileName: job.attachment.name || 'statement',
      bytes,
      overrides: job.overrides,
      now: input.now,
    });
    await services.afterImport?.(input.userId);
    return { replies: summaryReplies(summary), state: { ...state, pending: undefined, last: undefined } };
  } catch (err) {
    if (err instanceof StatementQuestion) {
      return {
        replies: [
          {
            template: 'ImportQuestion',
            data: { question: err.question, options: err.options },
            suggestions: err.options,
          },
        ],
        state: {
          ...state,
          pending: {
            kind: 'import-question',
            name: job.name,
            type: job.type,
            attachment: job.attachment,
            topic: err.topic,
            options: err.options,
            overrides: job.overrides,
          },
        },
      };
    }
    if (err instanceof MissingAccountTypeError) {
      return {
        replies: [
          {
            template: 'AskAccountType',
            data: { name: job.name },
            suggestions: ['Checking', 'Savings', 'Credit card'],
          },
        ],
        state: { ...state, pending: { kind: 'account-type', name: job.name, attachment: job.attachment } },
      };
    }
    if (err instanceof TruncatedStatementError) {
      return {
        replies: [{ template: 'ImportCutOff', data: { file: err.file, line: err.line, detail: err.detail } }],
        state: { ...state, pending: { kind: 'upload', name: job.name, type: job.type } },
      };
    }
    if (err instanceof StatementError) {
      return {
        replies: [
          { template: 'ImportFailed', data: { file: err.file, where: err.where, expected: err.expected } },
        ],
        state: { ...state, pending: { kind: 'upload', name: job.name, type: job.type } },
      };
    }
    throw err;
  }
}

/** The summary, then how many exact repeats were imported once; suggestions go with the last reply. */
export function summaryReplies(s: ImportSummary): Reply[] {
  const summary = summaryReply(s);
  if (s.repeated === 0) return [summary];
  const { suggestions, ...first } = summary;
  return [first, { template: 'ImportRepeated', data: { repeated: s.repeated }, suggestions }];
}

export function summaryReply(s: ImportSummary): Reply {
  return {
    template: 'ImportSummary',
    data: {
      added: s.added,
      skipped: s.skipped,
      account: s.account.name,
      range: s.firstDate && s.lastDate ? dayRangeText(s.firstDate, s.lastDate) : '',
      transfers: s.transfersMarked,
      assumptions: s.assumptions,
      created: s.accountCreated,
      repeated: s.repeated,
    },
    suggestions: ['Spending last month', 'Break down last month by category', 'Link another account'],
  };
}

function cleanName(text: string): string {
  return text
    .replace(/^(call it|name it|it'?s|it is|the|my)\s+/i, '')
    .replace(/[."!?]+$/, '')
    .trim()
    .slice(0, 60);
}

/** Reads an account type from words: "credit card", "my amex", "checking". */
export function typeFromWords(text: string): AccountType | undefined {
  const t = text.toLowerCase();
  if (
    /\b(credit|card|amex|american express|visa|mastercard|discover|sapphire|quicksilver|freedom|platinum|gold card)\b/.test(
      t,
    )
  )
    return 'credit_card';
  if (/\bsav(ings?)?\b/.test(t)) return 'savings';
  if (/\b(checking|chequing|current( account)?|debit)\b/.test(t)) return 'checking';
  return undefined;
}
