/**
 * Drives the conversation turn by turn the way the bot layer does (state carried between turns), and
 * renders every reply through the real dialogs/*.lg templates so a broken template fails the test.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { BotTemplates } from '../../src/bot/templates.ts';
import { ROOT } from '../../src/config.ts';
import { handleTurn } from '../../src/conversation/engine.ts';
import type {
  Attachment,
  DialogState,
  Reply,
  Services,
  Understanding,
} from '../../src/conversation/types.ts';
import { createUnderstanding } from '../../src/language/understand.ts';
import type { Store } from '../../src/store/index.ts';

let templates: BotTemplates | undefined;

/** The bot's real templates, parsed once per test file. */
export function realTemplates(): BotTemplates {
  templates ??= BotTemplates.load(join(ROOT, 'dialogs'));
  return templates;
}

/** The real language understanding, trained from dialogs/*.lu and data/category-synonyms.csv (1–2 s). */
export function realUnderstanding(): Promise<Understanding> {
  return createUnderstanding({
    luDir: join(ROOT, 'dialogs'),
    synonymsFile: join(ROOT, 'data', 'category-synonyms.csv'),
  });
}

export interface Turn {
  replies: Reply[];
  /** Each reply's text as the user would read it. */
  texts: string[];
  state: DialogState;
}

export interface ChatOptions {
  store: Store;
  understanding: Understanding;
  userId: string;
  today: string;
  now: Date;
  /** What a download of an attachment returns; by default every download fails. */
  fetchAttachment?: Services['fetchAttachment'];
  afterImport?: Services['afterImport'];
  /** The conversation is a group chat or channel rather than one to one. */
  inGroup?: boolean;
}

/** One user's conversation, with its state kept between turns as the bot keeps it. */
export class Chat {
  state: DialogState = {};
  readonly turns: Turn[] = [];

  constructor(private readonly options: ChatOptions) {}

  /** Sends one message (and optionally files or a tapped card value) and returns the rendered replies. */
  async say(text: string, extra: { attachments?: Attachment[]; value?: unknown } = {}): Promise<Turn> {
    const o = this.options;
    const services: Services = {
      store: o.store,
      understanding: o.understanding,
      fetchAttachment:
        o.fetchAttachment ?? (async () => Promise.reject(new Error('no attachments in this test'))),
      afterImport: o.afterImport,
    };
    const result = await handleTurn(
      {
        userId: o.userId,
        text,
        today: o.today,
        now: o.now,
        attachments: extra.attachments ?? [],
        value: extra.value,
        inGroup: o.inGroup,
      },
      this.state,
      services,
    );
    const texts = result.replies.map((r) => realTemplates().render(r.template, r.data ?? {}));
    // As the bot layer does: state marked deleted is dropped, not kept.
    this.state = result.state.deleted ? {} : result.state;
    const turn = { replies: result.replies, texts, state: result.state };
    this.turns.push(turn);
    return turn;
  }
}

/** A row of a transcript: what the user says and what the bot must answer. */
export interface Step {
  says: string;
  /** Template of the first reply. */
  template: string;
  /** Fields the first reply's data must contain (toMatchObject). */
  data?: Record<string, unknown>;
  /** Text fragments the rendered first reply must contain (case-insensitive). */
  text?: (string | RegExp)[];
  /** Text fragments it must not contain. */
  notText?: (string | RegExp)[];
}

function includes(text: string, want: string | RegExp): boolean {
  return typeof want === 'string' ? text.toLowerCase().includes(want.toLowerCase()) : want.test(text);
}

/** Plays a transcript, checking each reply; the message names the step that went wrong. */
export async function play(chat: Chat, steps: readonly Step[]): Promise<Turn[]> {
  const turns: Turn[] = [];
  for (const [i, step] of steps.entries()) {
    const turn = await chat.say(step.says);
    const first = turn.replies[0];
    const where = `step ${i + 1} "${step.says}" → ${first?.template} ${JSON.stringify(first?.data ?? {})} | ${turn.texts[0] ?? ''}`;
    expect(first?.template, where).toBe(step.template);
    if (step.data) expect(first?.data, where).toMatchObject(step.data);
    for (const want of step.text ?? [])
      expect(
        includes(turn.texts[0] ?? '', want),
        `${where}
wanted: ${want}`,
      ).toBe(true);
    for (const unwanted of step.notText ?? [])
      expect(
        includes(turn.texts[0] ?? '', unwanted),
        `${where}
unwanted: ${unwanted}`,
      ).toBe(false);
    turns.push(turn);
  }
  return turns;
}
