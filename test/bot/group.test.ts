/**
 * Conversations that several people share, through the real server over HTTP: each person's dialog is
 * their own, nobody's money is shown in a group, and alerts go only to a one-to-one conversation.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, startTally, type RunningTally } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { localDay } from '../../src/day.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import { setLogLevel } from '../../src/log.ts';
import { loadHousehold } from '../helpers/household.ts';
import { messageActivity, postActivity, startChannel, type FakeChannel } from '../helpers/channel.ts';
import { realTemplates } from '../helpers/chat.ts';
import { countRows } from '../helpers/db.ts';
import { groceriesWithSpike } from '../helpers/statements.ts';
import { tempDbFile } from '../helpers/store.ts';

const ALERT_POLL_MS = 100;
const MAYA_ACCOUNTS = ['BofA Checking', 'Discover It'];

const temp = tempDbFile();
let tally: RunningTally;
let channel: FakeChannel;
let mayaMerchants: string[];

beforeAll(async () => {
  setLogLevel('error');
  vi.stubEnv('TALLY_ALERT_POLL_MS', String(ALERT_POLL_MS));
  const seed = await openStore(temp.file);
  await loadHousehold(seed, ['maya', 'theo']);
  await seed.users.recordConsent('nina');
  // Names of maya's own shops (theo's shops are his to see), long enough not to occur by chance.
  const theos = new Set((await seed.queries.merchants('theo')).map((m) => m.name));
  mayaMerchants = (await seed.queries.merchants('maya'))
    .map((m) => m.name)
    .filter((m) => m.length >= 5 && !theos.has(m));
  seed.close();
  channel = await startChannel();
  tally = await startTally(
    loadConfig({ ...process.env, PORT: '0', TALLY_DB: temp.file, LOG_LEVEL: 'error', MicrosoftAppId: '' }),
  );
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await tally?.close();
  await channel?.close();
  temp.remove();
});

/** One message with its replies returned in the HTTP response (inline-reply mode). */
async function say(user: string, conversation: string, text: string, group = false): Promise<string> {
  const { status, body } = await postActivity(
    tally.port,
    messageActivity(text, { user, conversation, serviceUrl: channel.serviceUrl, expectReplies: true, group }),
  );
  expect(status).toBe(200);
  return (body?.activities ?? []).map((a) => a.text ?? '').join('\n');
}

/** Nothing of maya's: no account or merchant name of hers, and no money figure at all. */
function expectNothingOfAlice(text: string, where: string): void {
  for (const name of [...MAYA_ACCOUNTS, ...mayaMerchants])
    expect(text.toLowerCase(), `${where}: ${name}`).not.toContain(name.toLowerCase());
  expect(text, `${where}: a figure`).not.toMatch(/\$\s?\d/);
}

const transactionsOf = (user: string) => countRows(tally.store, 'transactions', 'user_id = ?', user);

/** Every wording a template can take (alternatives are picked at random). */
function wordings(template: string): Set<string> {
  return new Set(Array.from({ length: 64 }, () => realTemplates().render(template)));
}

describe('two and three people in one conversation', () => {
  it('B neither sees A’s answers nor answers A’s question', async () => {
    expect(await say('maya', 'shared-1', 'How much went on groceries last month?')).toContain('$414.59');
    const follow = await say('dave', 'shared-1', 'and in January?');
    expectNothingOfAlice(follow, 'dave’s follow-up');
    expectNothingOfAlice(await say('dave', 'shared-1', 'break that down by merchant'), 'dave’s breakdown');

    expect(await say('maya', 'shared-1', 'unlink Discover It')).toContain('Discover It');
    const yes = await say('dave', 'shared-1', 'yes');
    expectNothingOfAlice(yes, 'dave’s yes');
    expect(yes).not.toMatch(/unlinked/i);
    expect((await tally.store.accounts.list('maya')).map((a) => a.name)).toContain('Discover It');
    // Alice's question is still hers to answer.
    expect(await say('maya', 'shared-1', 'no')).toMatch(/kept|nothing (was )?(changed|removed)|keep/i);
    expect((await tally.store.accounts.list('maya')).map((a) => a.name)).toContain('Discover It');
  });

  it('C’s "yes" cannot confirm A’s "delete my data", and neither can B’s', async () => {
    const maya = transactionsOf('maya');
    const theo = transactionsOf('theo');
    expect(maya).toBeGreaterThan(50);
    expect(theo).toBeGreaterThan(10);
    expect(await say('maya', 'shared-2', 'delete my data')).toMatch(/can't be undone/i);
    for (const other of ['theo', 'dave']) {
      const reply = await say(other, 'shared-2', 'Yes, delete everything');
      expectNothingOfAlice(reply, `${other}’s yes`);
      expect(reply, `${other}’s yes`).not.toMatch(/deleted/i);
    }
    expect(transactionsOf('maya')).toBe(maya);
    expect(transactionsOf('theo')).toBe(theo);
    expect(await say('maya', 'shared-2', 'no')).not.toMatch(/deleted/i);
    expect(transactionsOf('maya')).toBe(maya);
  });
});

describe('a group chat', () => {
  const ASKS = [
    'How much went on groceries last month?',
    'show my subscriptions',
    'any unusual charges?',
    'what is my balance?',
    'unlink Discover It',
    'delete my data',
    'yes',
    'try the demo',
    'link an account',
    'Discover It',
  ];

  it('answers money questions only with "ask me privately", in the same words whoever asks', async () => {
    const asked = wordings('AskPrivately');
    for (const user of ['maya', 'theo', 'dave']) {
      for (const text of ASKS) {
        const reply = await say(user, 'team-chat', text, true);
        expect(asked.has(reply), `${user}: "${text}" → ${reply}`).toBe(true);
      }
    }
    expect(transactionsOf('maya')).toBeGreaterThan(50);
    expect((await tally.store.accounts.list('maya')).map((a) => a.name)).toContain('Discover It');
    expect(countRows(tally.store, 'accounts', 'user_id = ?', 'dave')).toBe(0);
  });

  it('answers help, privacy and greetings without saying who has linked anything', async () => {
    for (const [text, template] of [
      ['help', 'Help'],
      ['what do you keep about me?', 'PrivacyInGroup'],
      ['hi', 'GreetingInGroup'],
    ] as const) {
      const replies = await Promise.all(['maya', 'dave'].map((u) => say(u, 'team-chat', text, true)));
      expect(replies[0], text).toBe(realTemplates().render(template));
      expect(replies[1], text).toBe(replies[0]);
    }
    expect(await say('maya', 'team-chat', 'what do you keep about me?', true)).not.toMatch(
      /right now i hold/i,
    );
  });

  it('keeps no dialog state and no reference for a group, and downloads no file dropped in it', async () => {
    const { body } = await postActivity(tally.port, {
      ...messageActivity('', {
        user: 'maya',
        conversation: 'team-chat',
        serviceUrl: channel.serviceUrl,
        expectReplies: true,
        group: true,
      }),
      attachments: [
        {
          name: 'amex.csv',
          contentType: 'text/csv',
          contentUrl: `${channel.serviceUrl}v3/attachments/a1/views/original`,
        },
      ],
    });
    expect(wordings('AskPrivately').has(body?.activities?.[0]?.text ?? '')).toBe(true);
    expect(channel.received.filter((r) => r.path.includes('/attachments/'))).toEqual([]);
    expect(countRows(tally.store, 'bot_state', 'key LIKE ?', '%team-chat%')).toBe(0);
    expect(countRows(tally.store, 'conversation_refs', 'conversation_id = ?', 'team-chat')).toBe(0);
  });

  it('welcomes once when Tally is added, the same for everyone', async () => {
    await postActivity(tally.port, {
      type: 'conversationUpdate',
      id: 'group-update-1',
      channelId: 'emulator',
      serviceUrl: channel.serviceUrl,
      from: { id: 'maya', name: 'maya' },
      recipient: { id: 'tally-bot', name: 'Tally' },
      conversation: { id: 'team-welcome', isGroup: true, conversationType: 'groupChat' },
      membersAdded: [
        { id: 'tally-bot', name: 'Tally' },
        { id: 'maya', name: 'maya' },
        { id: 'dave', name: 'dave' },
      ],
    });
    const welcome = await channel.waitFor((r) => r.activity.conversation?.id === 'team-welcome');
    expect(welcome.activity.text).toBe(realTemplates().render('WelcomeInGroup'));
    await new Promise((r) => setTimeout(r, 200));
    expect(channel.received.filter((r) => r.activity.conversation?.id === 'team-welcome')).toHaveLength(1);
  });
});

describe('alerts', () => {
  it('never go to a group: only to the person’s one-to-one conversation', async () => {
    const today = localDay(new Date());
    const inConversation = (id: string) => channel.received.filter((r) => r.activity.conversation?.id === id);
    // Nina talks in a group first (normal mode: replies are POSTed to the channel).
    await postActivity(
      tally.port,
      messageActivity('hi', {
        user: 'nina',
        conversation: 'nina-group',
        serviceUrl: channel.serviceUrl,
        group: true,
      }),
    );
    await channel.waitFor((r) => r.activity.conversation?.id === 'nina-group');
    expect(countRows(tally.store, 'conversation_refs', 'user_id = ?', 'nina')).toBe(0);

    const other = await openStore(temp.file);
    const first = await importStatement(other, {
      userId: 'nina',
      accountName: 'Everyday',
      accountType: 'checking',
      fileName: 'everyday.csv',
      bytes: groceriesWithSpike(today),
    });
    expect(first.added).toBeGreaterThan(20);
    await new Promise((r) => setTimeout(r, ALERT_POLL_MS * 10));
    expect(inConversation('nina-group')).toHaveLength(1);

    // Then privately; and a group reference stored by an older version is the most recent one.
    await postActivity(
      tally.port,
      messageActivity('hi', { user: 'nina', conversation: 'nina-dm', serviceUrl: channel.serviceUrl }),
    );
    await channel.waitFor((r) => r.activity.conversation?.id === 'nina-dm');
    const groupReference = {
      conversation: { id: 'nina-old-group', isGroup: true, conversationType: 'groupChat' },
      serviceUrl: channel.serviceUrl,
      channelId: 'emulator',
      user: { id: 'nina' },
      bot: { id: 'tally-bot' },
    };
    expect(
      await other.reach.saveReference(
        'nina',
        'nina-old-group',
        groupReference,
        new Date(Date.now() + 60_000),
      ),
    ).toBe(true);

    const second = await importStatement(other, {
      userId: 'nina',
      accountName: 'Everyday',
      fileName: 'everyday-2.csv',
      bytes: groceriesWithSpike(today, 245_000, 2),
    });
    other.close();
    expect(second.added).toBe(1);
    const alert = await channel.waitFor(
      (r) => r.activity.conversation?.id === 'nina-dm' && /2,450\.00/.test(r.activity.text ?? ''),
    );
    expect(alert.path).toMatch(/^\/v3\/conversations\/nina-dm\/activities/);
    await new Promise((r) => setTimeout(r, ALERT_POLL_MS * 5));
    expect(inConversation('nina-old-group')).toEqual([]);
    expect(inConversation('nina-group')).toHaveLength(1);
    expect(
      channel.received.filter(
        (r) =>
          /4,999|1,450\.00|2,450\.00/.test(r.activity.text ?? '') &&
          r.activity.conversation?.id !== 'nina-dm',
      ),
    ).toEqual([]);
  });
});
