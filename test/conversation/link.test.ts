/** Linking, unlinking, deleting and the demo, turn by turn (today = 2026-03-10). */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentError } from '../../src/conversation/link.ts';
import type { Attachment, Understanding } from '../../src/conversation/types.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, play, realUnderstanding } from '../helpers/chat.ts';
import { countRows } from '../helpers/db.ts';
import { HOUSEHOLD_NOW, HOUSEHOLD_TODAY, householdBytes, loadHousehold } from '../helpers/household.ts';
import { memoryStore } from '../helpers/store.ts';

/** maya_discover_it.csv (test/fixtures/household) has a header and 53 charges, payments and a return. */
const CARD_ROWS = 53;
const CARD_FILE: Attachment = {
  name: 'discover.csv',
  contentType: 'text/csv',
  contentUrl: 'https://channel.example/attachments/1',
};
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
  bytes: () => Buffer = () => householdBytes('maya_discover_it.csv'),
  afterImport?: (userId: string) => Promise<void>,
): Chat & { downloads: Attachment[] } {
  const downloads: Attachment[] = [];
  const chat = new Chat({
    store,
    understanding,
    userId,
    today: HOUSEHOLD_TODAY,
    now: HOUSEHOLD_NOW,
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
    expect(await store.users.get('dana')).toEqual({
      consentAt: HOUSEHOLD_NOW.toISOString(),
      alertsEnabled: true,
    });
    expect(await store.accounts.list('dana')).toEqual([]);

    const done = await chat.say('', { attachments: [CARD_FILE] });
    expect(done.replies[0]).toMatchObject({
      template: 'ImportSummary',
      data: { added: CARD_ROWS, skipped: 0, account: 'Everyday', created: true },
    });
    expect(done.texts[0]).toContain(`Imported ${CARD_ROWS} transactions`);
    expect(chat.downloads).toEqual([CARD_FILE]);
    expect(chat.state.pending).toBeUndefined();
    expect(imported).toEqual(['dana']);
    expect(await store.accounts.list('dana')).toMatchObject([{ name: 'Everyday', type: 'credit_card' }]);
    expect(countRows(store, 'transactions', 'user_id = ?', 'dana')).toBe(CARD_ROWS);

    // Now it answers from the file: the card's February charges (Trader Joe's 251.71, Whole Foods 84.33, Lucca Osteria
    // 128.36, Camino Bistro 142.60, Chipotle 15.20, Peet's 18.85, Amazon 58.61, Netflix 17.99, Spotify 12.99, IKEA 1,146.75).
    await play(chat, [
      { says: 'How much did I spend in February?', template: 'SpendingTotal', data: { amount: '$1,877.39' } },
    ]);
  });

  it('a file dropped in the chat starts the same dialog, and a second upload of it adds nothing', async () => {
    const chat = chatFor('dana');
    const first = await chat.say('', { attachments: [CARD_FILE] });
    expect(first.replies[0]!.template).toBe('LinkExplain');
    await play(chat, [
      {
        says: 'Yes, I agree',
        template: 'AskAccountName',
        data: { consented: true, hasFile: true },
        text: ['Which account is this file from?'],
      },
      {
        says: 'Discover Card',
        template: 'ImportSummary',
        data: { added: CARD_ROWS, account: 'Discover Card' },
      },
    ]);
    const again = await chat.say('', { attachments: [CARD_FILE] });
    // Consent is on record: straight to the name.
    expect(again.replies[0]).toMatchObject({
      template: 'AskAccountName',
      data: { consented: false, existing: ['Discover Card'] },
    });
    await play(chat, [
      {
        says: 'Discover Card',
        template: 'ImportSummary',
        data: { added: 0, skipped: CARD_ROWS, created: false },
      },
    ]);
    expect(countRows(store, 'transactions', 'user_id = ?', 'dana')).toBe(CARD_ROWS);
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
      { says: 'Discover Card', template: 'AskUpload', data: { name: 'Discover Card' } },
      { says: 'cancel', template: 'Cancelled', data: { wasWaiting: true } },
    ]);
    expect(chat.state.pending).toBeUndefined();
    // The file arriving after "cancel" starts afresh instead of importing into the abandoned account.
    const after = await chat.say('', { attachments: [CARD_FILE] });
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
      { says: 'Discover Card', template: 'AskUpload' },
    ]);
    const failed = await chat.say('', { attachments: [CARD_FILE] });
    expect(failed.replies[0]).toMatchObject({ template: 'ImportFailed', data: { file: 'discover.csv' } });
    expect(failed.texts[0]).toContain('Nothing from it was saved');
    expect(chat.state.pending).toMatchObject({ kind: 'upload', name: 'Discover Card' });
    expect(countRows(store, 'transactions')).toBe(0);
    expect(countRows(store, 'import_batches')).toBe(0);
    expect(await store.accounts.list('dana')).toEqual([]);

    bytes = householdBytes('maya_discover_it.csv');
    const retried = await chat.say('', { attachments: [CARD_FILE] });
    expect(retried.replies[0]).toMatchObject({ template: 'ImportSummary', data: { added: CARD_ROWS } });
  });

  it('a download the channel refuses is said plainly and nothing is saved', async () => {
    const chat = new Chat({
      store,
      understanding,
      userId: 'dana',
      today: HOUSEHOLD_TODAY,
      now: HOUSEHOLD_NOW,
      fetchAttachment: async () => {
        throw new AttachmentError('too-large', 20);
      },
    });
    await play(chat, [
      { says: 'link an account', template: 'LinkExplain' },
      { says: 'yes', template: 'AskAccountName' },
      { says: 'Discover Card', template: 'AskUpload' },
    ]);
    const refused = await chat.say('', { attachments: [CARD_FILE] });
    expect(refused.replies[0]).toMatchObject({
      template: 'AttachmentRefused',
      data: { reason: 'too-large', limitMb: 20 },
    });
    expect(refused.texts[0]).toContain('20 MB');
    expect(countRows(store, 'transactions')).toBe(0);
  });
});

describe('unlinking and deleting', () => {
  beforeEach(async () => {
    await loadHousehold(store);
  });

  it('unlink asks first: "no" keeps the account, "yes" removes it and its rows', async () => {
    const chat = chatFor('maya');
    const cardRows = countRows(
      store,
      'transactions',
      "account_id = (SELECT id FROM accounts WHERE user_id = 'maya' AND name = 'Discover It')",
    );
    expect(cardRows).toBe(CARD_ROWS);
    await play(chat, [
      { says: 'unlink Discover It', template: 'ConfirmUnlink', data: { account: 'Discover It' } },
      { says: 'no', template: 'KeptData' },
    ]);
    expect((await store.accounts.list('maya')).map((a) => a.name)).toContain('Discover It');
    await play(chat, [
      { says: 'unlink Discover It', template: 'ConfirmUnlink' },
      { says: 'maybe', template: 'ConfirmAgain' },
      { says: 'yes', template: 'Unlinked', data: { account: 'Discover It', transactions: CARD_ROWS } },
    ]);
    expect((await store.accounts.list('maya')).map((a) => a.name)).toEqual(['BofA Checking']);
    expect(countRows(store, 'transactions', "description LIKE '%TRADER JOE%' AND user_id = 'maya'")).toBe(0);
  });

  it('an account name that is none of theirs unlinks nothing, not the nearest account of that kind', async () => {
    for (const says of [
      'close my chase checking account',
      'unlink my Chase card',
      'remove the capital one card',
    ]) {
      const [turn] = await play(chatFor('maya'), [
        { says, template: 'UnlinkUnknown', data: { options: ['BofA Checking', 'Discover It'] } },
      ]);
      expect(turn!.state.pending, says).toBeUndefined();
      expect(turn!.texts[0], says).toMatch(/I don't see an account called "(chase|capital one)"/i);
    }
    expect((await store.accounts.list('maya')).map((a) => a.name)).toEqual(['BofA Checking', 'Discover It']);
    // Their own account by its kind still goes to the question before anything is removed.
    await play(chatFor('maya'), [
      { says: 'unlink my checking account', template: 'ConfirmUnlink', data: { account: 'BofA Checking' } },
    ]);
  });

  it('"delete all my data" asks first, then removes everything of that user and nothing of another', async () => {
    const theoRows = countRows(store, 'transactions', "user_id = 'theo'");
    const chat = chatFor('maya');
    await play(chat, [
      { says: 'delete all my data', template: 'ConfirmDelete' },
      { says: 'no', template: 'KeptData' },
    ]);
    expect(countRows(store, 'transactions', "user_id = 'maya'")).toBeGreaterThan(0);
    const [, deleted] = await play(chat, [
      { says: 'delete all my data', template: 'ConfirmDelete', text: ["can't be undone"] },
      { says: 'yes', template: 'DeletedEverything', data: { accounts: 2 } },
    ]);
    expect(deleted!.state.deleted).toBe(true);
    for (const table of ['accounts', 'transactions', 'balances', 'import_batches', 'users']) {
      expect(countRows(store, table, table === 'users' ? 'id = ?' : 'user_id = ?', 'maya'), table).toBe(0);
    }
    expect(countRows(store, 'transactions', "user_id = 'theo'")).toBe(theoRows);
    await play(chat, [{ says: 'How much went on groceries last month?', template: 'NoAccountsYet' }]);
  });
});

describe('the demo', () => {
  it('"try the demo" asks first, a yes loads the demo household, and questions are then answered from it', async () => {
    const chat = chatFor('erin');
    const [, loaded] = await play(chat, [
      { says: 'try the demo', template: 'DemoOffer' },
      { says: 'yes', template: 'DemoAdded', data: { accounts: 5 } },
    ]);
    const transactions = loaded!.replies[0]!.data!.transactions as number;
    expect(transactions).toBeGreaterThan(300);
    expect(countRows(store, 'transactions', "user_id = 'erin'")).toBe(transactions);
    const accounts = await store.accounts.list('erin');
    expect(accounts.length).toBe(5);
    expect(accounts.every((a) => a.demo)).toBe(true);
    // Made-up data is not consent to keep the person's own statements.
    expect((await store.users.get('erin'))?.consentAt ?? null).toBeNull();
    await play(chat, [
      {
        says: 'How much did I spend last month?',
        template: 'SpendingTotal',
        data: { period: 'February 2026', nothing: false },
      },
    ]);
  });
});
