/** Linking, unlinking, deleting and the demo, turn by turn (today = 2026-03-10). */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentError } from '../../src/conversation/link.ts';
import type { Attachment, Understanding } from '../../src/conversation/types.ts';
import type { Store } from '../../src/store/index.ts';
import { ACCEPTANCE_NOW, ACCEPTANCE_TODAY, acceptanceBytes, loadAcceptance } from '../helpers/acceptance.ts';
import { Chat, play, realUnderstanding } from '../helpers/chat.ts';
import { countRows } from '../helpers/db.ts';
import { memoryStore } from '../helpers/store.ts';

/** alice_amex_gold.csv has a header and 73 charges, payments and refunds. */
const AMEX_ROWS = 73;
const AMEX_FILE: Attachment = { name: 'amex.csv', contentType: 'text/csv', contentUrl: 'https://channel.example/attachments/1' };
const BROKEN = Buffer.from('Date,Description,Amount\nyesterday,COFFEE,lots\nsoon,TEA,some\n');

let understanding: Understanding;
let store: Store;

beforeAll(async () => {
  understanding = await realUnderstanding();
});
beforeEach(async () => {
  store = await memoryStore();
});

/** A chat whose downloads return `bytes()` (whatever it is at the time). */
function chatFor(
  userId: string,
  bytes: () => Buffer = () => acceptanceBytes('alice_amex_gold.csv'),
  afterImport?: (userId: string) => Promise<void>,
): Chat & { downloads: Attachment[] } {
  const downloads: Attachment[] = [];
  const chat = new Chat({
    store,
    understanding,
    userId,
    today: ACCEPTANCE_TODAY,
    now: ACCEPTANCE_NOW,
    fetchAttachment: async (a) => {
      downloads.push(a);
      return bytes();
    },
    afterImport,
  });
  return Object.assign(chat, { downloads });
}

describe('linking an account', () => {
  it('explains, records consent with its time, asks name and type, imports the upload', async () => {
    const imported: string[] = [];
    const chat = chatFor('dana', undefined, async (u) => {
      imported.push(u);
    });
    await play(chat, [
      { says: 'link an account', template: 'LinkExplain', text: ['never shared', 'yes or no'] },
      { says: 'yes', template: 'AskAccountName', data: { consented: true, hasFile: false } },
      { says: 'My Everyday', template: 'AskAccountType', data: { name: 'Everyday' } },
      { says: 'credit card', template: 'AskUpload', data: { name: 'Everyday', type: 'credit_card' } },
    ]);
    expect(await store.users.get('dana')).toEqual({ consentAt: ACCEPTANCE_NOW.toISOString(), alertsEnabled: true });
    expect(await store.accounts.list('dana')).toEqual([]);

    const done = await chat.say('', { attachments: [AMEX_FILE] });
    expect(done.replies[0]).toMatchObject({ template: 'ImportSummary', data: { added: AMEX_ROWS, skipped: 0, account: 'Everyday', created: true } });
    expect(done.texts[0]).toContain(`Imported ${AMEX_ROWS} transactions`);
    expect(chat.downloads).toEqual([AMEX_FILE]);
    expect(chat.state.pending).toBeUndefined();
    expect(imported).toEqual(['dana']);
    expect(await store.accounts.list('dana')).toMatchObject([{ name: 'Everyday', type: 'credit_card' }]);
    expect(countRows(store, 'transactions', 'user_id = ?', 'dana')).toBe(AMEX_ROWS);

    // Now it answers from the file: Amex spending in February (truth: 896.02).
    await play(chat, [{ says: 'How much did I spend in February?', template: 'SpendingTotal', data: { amount: '$896.02' } }]);
  });

  it('a file dropped in the chat starts the same dialog, and a second upload of it adds nothing', async () => {
    const chat = chatFor('dana');
    const first = await chat.say('', { attachments: [AMEX_FILE] });
    expect(first.replies[0]!.template).toBe('LinkExplain');
    await play(chat, [
      { says: 'Yes, I agree', template: 'AskAccountName', data: { consented: true, hasFile: true }, text: ['Which account is this file from?'] },
      { says: 'Amex Gold', template: 'ImportSummary', data: { added: AMEX_ROWS, account: 'Amex Gold' } },
    ]);
    const again = await chat.say('', { attachments: [AMEX_FILE] });
    // Consent is on record: straight to the name.
    expect(again.replies[0]).toMatchObject({ template: 'AskAccountName', data: { consented: false, existing: ['Amex Gold'] } });
    await play(chat, [{ says: 'Amex Gold', template: 'ImportSummary', data: { added: 0, skipped: AMEX_ROWS, created: false } }]);
    expect(countRows(store, 'transactions', 'user_id = ?', 'dana')).toBe(AMEX_ROWS);
  });

  it('"no" to the explanation keeps nothing, not even consent', async () => {
    await play(chatFor('dana'), [
      { says: 'link an account', template: 'LinkExplain' },
      { says: 'no', template: 'LinkDeclined' },
    ]);
    expect(await store.users.get('dana')).toBeUndefined();
  });

  it('help in the middle keeps the question open; cancel in the middle ends it with nothing imported', async () => {
    const chat = chatFor('dana');
    const [, , help] = await play(chat, [
      { says: 'link an account', template: 'LinkExplain' },
      { says: 'yes', template: 'AskAccountName' },
      { says: 'help', template: 'Help' },
    ]);
    expect(help!.replies[1]).toMatchObject({ template: 'StillWaiting', data: { pending: 'account-name' } });
    expect(chat.state.pending).toEqual({ kind: 'account-name' });
    await play(chat, [
      { says: 'Amex Gold', template: 'AskUpload', data: { name: 'Amex Gold' } },
      { says: 'cancel', template: 'Cancelled', data: { wasWaiting: true } },
    ]);
    expect(chat.state.pending).toBeUndefined();
    // The file arriving after "cancel" starts afresh instead of importing into the abandoned account.
    const after = await chat.say('', { attachments: [AMEX_FILE] });
    expect(after.replies[0]!.template).toBe('AskAccountName');
    expect(countRows(store, 'transactions', 'user_id = ?', 'dana')).toBe(0);
    expect(await store.accounts.list('dana')).toEqual([]);
  });

  it('a file it cannot read gets ImportFailed, saves nothing, and waits for another file', async () => {
    let bytes: Buffer = BROKEN;
    const chat = chatFor('dana', () => bytes);
    await play(chat, [
      { says: 'link an account', template: 'LinkExplain' },
      { says: 'yes', template: 'AskAccountName' },
      { says: 'Amex Gold', template: 'AskUpload' },
    ]);
    const failed = await chat.say('', { attachments: [AMEX_FILE] });
    expect(failed.replies[0]).toMatchObject({ template: 'ImportFailed', data: { file: 'amex.csv' } });
    expect(failed.texts[0]).toContain('Nothing from it was saved');
    expect(chat.state.pending).toMatchObject({ kind: 'upload', name: 'Amex Gold' });
    expect(countRows(store, 'transactions')).toBe(0);
    expect(countRows(store, 'import_batches')).toBe(0);
    expect(await store.accounts.list('dana')).toEqual([]);

    bytes = acceptanceBytes('alice_amex_gold.csv');
    const retried = await chat.say('', { attachments: [AMEX_FILE] });
    expect(retried.replies[0]).toMatchObject({ template: 'ImportSummary', data: { added: AMEX_ROWS } });
  });

  it('a download the channel refuses is said plainly and nothing is saved', async () => {
    const chat = new Chat({
      store,
      understanding,
      userId: 'dana',
      today: ACCEPTANCE_TODAY,
      now: ACCEPTANCE_NOW,
      fetchAttachment: async () => {
        throw new AttachmentError('too-large', 20);
      },
    });
    await play(chat, [
      { says: 'link an account', template: 'LinkExplain' },
      { says: 'yes', template: 'AskAccountName' },
      { says: 'Amex Gold', template: 'AskUpload' },
    ]);
    const refused = await chat.say('', { attachments: [AMEX_FILE] });
    expect(refused.replies[0]).toMatchObject({ template: 'AttachmentRefused', data: { reason: 'too-large', limitMb: 20 } });
    expect(refused.texts[0]).toContain('20 MB');
    expect(countRows(store, 'transactions')).toBe(0);
  });
});

describe('unlinking and deleting', () => {
  beforeEach(async () => {
    await loadAcceptance(store);
  });

  it('unlink asks first: "no" keeps the account, "yes" removes it and its rows', async () => {
    const chat = chatFor('alice');
    const amexRows = countRows(store, 'transactions', "account_id = (SELECT id FROM accounts WHERE user_id = 'alice' AND name = 'Amex Gold')");
    expect(amexRows).toBe(AMEX_ROWS);
    await play(chat, [
      { says: 'unlink Amex Gold', template: 'ConfirmUnlink', data: { account: 'Amex Gold' } },
      { says: 'no', template: 'KeptData' },
    ]);
    expect((await store.accounts.list('alice')).map((a) => a.name)).toContain('Amex Gold');
    await play(chat, [
      { says: 'unlink Amex Gold', template: 'ConfirmUnlink' },
      { says: 'maybe', template: 'ConfirmAgain' },
      { says: 'yes', template: 'Unlinked', data: { account: 'Amex Gold', transactions: AMEX_ROWS } },
    ]);
    expect((await store.accounts.list('alice')).map((a) => a.name)).toEqual(['Chase Checking', 'Chase Sapphire', 'Capital One Quicksilver']);
    expect(countRows(store, 'transactions', "description LIKE '%SHAKE SHACK%' AND user_id = 'alice'")).toBe(0);
  });

  it('"delete all my data" asks first, then removes everything of that user and nothing of another', async () => {
    const bobRows = countRows(store, 'transactions', "user_id = 'bob'");
    const chat = chatFor('alice');
    await play(chat, [
      { says: 'delete all my data', template: 'ConfirmDelete' },
      { says: 'no', template: 'KeptData' },
    ]);
    expect(countRows(store, 'transactions', "user_id = 'alice'")).toBeGreaterThan(0);
    const [, deleted] = await play(chat, [
      { says: 'delete all my data', template: 'ConfirmDelete', text: ["can't be undone"] },
      { says: 'yes', template: 'DeletedEverything', data: { accounts: 4 } },
    ]);
    expect(deleted!.state.deleted).toBe(true);
    for (const table of ['accounts', 'transactions', 'balances', 'import_batches', 'users']) {
      expect(countRows(store, table, table === 'users' ? 'id = ?' : 'user_id = ?', 'alice'), table).toBe(0);
    }
    expect(countRows(store, 'transactions', "user_id = 'bob'")).toBe(bobRows);
    await play(chat, [{ says: 'How much went on groceries last month?', template: 'NoAccountsYet' }]);
  });
});

describe('the demo', () => {
  it('"try the demo" loads the demo household, and questions are then answered from it', async () => {
    const chat = chatFor('erin');
    const [loaded] = await play(chat, [{ says: 'try the demo', template: 'DemoLoaded', data: { accounts: 5 } }]);
    const transactions = loaded!.replies[0]!.data!.transactions as number;
    expect(transactions).toBeGreaterThan(300);
    expect(countRows(store, 'transactions', "user_id = 'erin'")).toBe(transactions);
    expect((await store.accounts.list('erin')).length).toBe(5);
    expect((await store.users.get('erin'))?.consentAt).toBe(ACCEPTANCE_NOW.toISOString());
    await play(chat, [{ says: 'How much did I spend last month?', template: 'SpendingTotal', data: { period: 'February 2026', nothing: false } }]);
  });
});
