/**
 * "Delete my data", "cancel" and "help" are heard whatever the bot is waiting for. Every kind of waiting
 * question is reached through the real dialogs, then met with each interruption (today = 2026-03-10).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Attachment, Pending, Understanding } from '../../src/conversation/types.ts';
import type { Store } from '../../src/store/index.ts';
import { HOUSEHOLD_NOW, HOUSEHOLD_TODAY, loadHousehold } from '../helpers/household.ts';
import { Chat, play, realUnderstanding } from '../helpers/chat.ts';
import { countRows } from '../helpers/db.ts';
import { memoryStore } from '../helpers/store.ts';

const FILE: Attachment = {
  name: 'everyday.csv',
  contentType: 'text/csv',
  contentUrl: 'https://channel.example/attachments/7',
};
/** Every date reads as month-first or day-first, so the import asks which. */
const AMBIGUOUS = Buffer.from(
  'Date,Description,Amount\n03/04/2026,CORNER DELI,-12.00\n05/06/2026,CORNER DELI,-9.50\n',
);

/** What the user says to reach each waiting question; a new kind of question fails type-checking here until it has a row. */
const REACH = {
  consent: ['link an account'],
  'account-name': ['link an account', 'yes'],
  'account-type': ['link an account', 'yes', 'My Everyday'],
  upload: ['link an account', 'yes', 'My Everyday', 'checking'],
  'import-question': ['link an account', 'yes', 'My Everyday', 'checking', { file: FILE }],
  'confirm-unlink': ['unlink Alliant Checking'],
  'confirm-delete': ['delete all my data'],
  'confirm-demo': ['try the demo'],
  clarify: ['how much did I spend on alliant last month'],
  'budget-subject': ['set a budget of $300'],
  'budget-amount': ['set a budget for groceries'],
  'afford-amount': ['can I afford a new iPhone?'],
} satisfies Record<Pending['kind'], (string | { file: Attachment })[]>;

const SAYINGS = {
  delete: ['delete my data', 'erase all my data'],
  cancel: ['cancel', 'never mind'],
  help: ['help', 'what can you do?'],
};

const CASES = Object.entries(REACH).flatMap(([kind, steps]) =>
  Object.entries(SAYINGS).flatMap(([what, sayings]) => sayings.map((says) => ({ kind, steps, what, says }))),
);

let understanding: Understanding;
let store: Store;

beforeAll(async () => {
  understanding = await realUnderstanding();
});
beforeEach(async () => {
  store = await memoryStore();
  await loadHousehold(store, ['theo']);
});

function chat(): Chat {
  return new Chat({
    store,
    understanding,
    userId: 'theo',
    today: HOUSEHOLD_TODAY,
    now: HOUSEHOLD_NOW,
    fetchAttachment: async () => AMBIGUOUS,
  });
}

/** What theo holds, to show an interruption changed nothing. */
function holdings(): Record<string, number> {
  return {
    accounts: countRows(store, 'accounts', 'user_id = ?', 'theo'),
    transactions: countRows(store, 'transactions', 'user_id = ?', 'theo'),
    batches: countRows(store, 'import_batches', 'user_id = ?', 'theo'),
  };
}

async function reach(
  c: Chat,
  kind: string,
  steps: readonly (string | { file: Attachment })[],
): Promise<Pending> {
  for (const step of steps)
    await (typeof step === 'string' ? c.say(step) : c.say('', { attachments: [step.file] }));
  expect(
    c.state.pending?.kind,
    `${steps.map((s) => (typeof s === 'string' ? s : 'file')).join(' → ')} waits for ${kind}`,
  ).toBe(kind);
  return c.state.pending!;
}

describe('interruptions while the bot waits', () => {
  it.each(CASES)('$kind + "$says" ($what)', async ({ kind, steps, what, says }) => {
    const c = chat();
    const waiting = await reach(c, kind, steps);
    const before = holdings();
    const turn = await c.say(says);
    const where = `${kind} + "${says}" → ${turn.replies.map((r) => r.template).join(', ')} | ${turn.texts.join(' | ')}`;

    if (what === 'delete') {
      expect(
        turn.replies.map((r) => r.template),
        where,
      ).toEqual(['ConfirmDelete']);
      expect(c.state.pending, where).toEqual({ kind: 'confirm-delete' });
    } else if (what === 'cancel') {
      expect(
        turn.replies.map((r) => r.template),
        where,
      ).toEqual(['Cancelled']);
      expect(turn.replies[0]!.data, where).toEqual({ wasWaiting: true });
      expect(c.state.pending, where).toBeUndefined();
    } else {
      expect(
        turn.replies.map((r) => r.template),
        where,
      ).toEqual(['Help', 'StillWaiting']);
      expect(turn.replies[1]!.data, where).toEqual({ pending: kind });
      expect(c.state.pending, where).toEqual(waiting);
    }
    // Nothing was named, imported, unlinked, loaded or deleted by the interruption.
    expect(holdings(), where).toEqual(before);
    expect(
      (await store.accounts.list('theo')).map((a) => a.name),
      where,
    ).not.toContain(says);
  });

  it('"delete my data" while an account name is awaited is a delete, and "yes" then deletes', async () => {
    const c = chat();
    await play(c, [
      { says: 'link an account', template: 'LinkExplain' },
      { says: 'yes', template: 'AskAccountName' },
      { says: 'delete my data', template: 'ConfirmDelete', notText: ['checking account'] },
      { says: 'Yes, delete everything', template: 'DeletedEverything', data: { accounts: 2 } },
    ]);
    expect(holdings()).toEqual({ accounts: 0, transactions: 0, batches: 0 });
    expect(await store.users.get('theo')).toBeUndefined();
  });

  it('an answer that only sounds like a command still answers: "both" picks both accounts', async () => {
    const c = chat();
    await reach(c, 'clarify', REACH.clarify);
    await play(c, [{ says: 'both', template: 'SpendingTotal', data: { accountCount: 2 } }]);
  });

  it('"no" after an interrupting delete keeps everything, and the earlier question is gone', async () => {
    const c = chat();
    await reach(c, 'confirm-unlink', REACH['confirm-unlink']);
    await play(c, [
      { says: 'delete my data', template: 'ConfirmDelete' },
      { says: 'no', template: 'KeptData' },
    ]);
    expect(c.state.pending).toBeUndefined();
    expect((await store.accounts.list('theo')).map((a) => a.name)).toContain('Alliant Checking');
  });
});
