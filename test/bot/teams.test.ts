/**
 * Tally in Microsoft Teams: where a file sent in a personal chat may be downloaded from, the file flowing
 * through the bot into the link dialog, pictures that are not statements, and file-consent invokes. The
 * download itself is in teams-download.test.ts.
 */
import { TestAdapter, type Activity, type Attachment as ChannelAttachment } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTally, type RunningTally } from '../../src/app.ts';
import { personalState, StoreStorage } from '../../src/bot/storage.ts';
import { TallyBot } from '../../src/bot/tally-bot.ts';
import {
  hasTeamsPictures,
  mayDownloadTeamsFile,
  TEAMS_FILE_DOWNLOAD_INFO,
  teamsFiles,
} from '../../src/bot/teams/files.ts';
import { loadConfig } from '../../src/config.ts';
import type { Attachment, Understanding } from '../../src/conversation/types.ts';
import { setLogLevel } from '../../src/log.ts';
import type { Store } from '../../src/store/index.ts';
import { postActivity, startChannel, type FakeChannel } from '../helpers/channel.ts';
import { realTemplates, realUnderstanding } from '../helpers/chat.ts';
import { countRows } from '../helpers/db.ts';
import { groceriesWithSpike } from '../helpers/statements.ts';
import { memoryStore, tempDbFile } from '../helpers/store.ts';

const DOWNLOAD_URL =
  'https://contoso-my.sharepoint.com/personal/maya_contoso_com/_layouts/15/download.aspx?UniqueId=1150d938&Translate=false&tempauth=v1.eyJ0eXAiOiJKV1Qi&ApiVersion=2.0';

/** A file as Teams delivers it in a personal chat, with the `text/html` copy of the message beside it. */
function teamsFileAttachments(downloadUrl = DOWNLOAD_URL): ChannelAttachment[] {
  return [
    {
      contentType: TEAMS_FILE_DOWNLOAD_INFO,
      contentUrl:
        'https://contoso-my.sharepoint.com/personal/maya_contoso_com/Documents/Microsoft Teams Chat Files/checking.csv',
      name: 'checking.csv',
      content: {
        downloadUrl,
        uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D',
        fileType: 'csv',
        etag: '123',
      },
    },
    { contentType: 'text/html', content: '<p>here it is</p>' },
  ];
}

/** A picture pasted into a Teams message: on the Teams service, with its HTML copy. */
const PICTURE: ChannelAttachment[] = [
  {
    contentType: 'image/*',
    contentUrl: 'https://smba.trafficmanager.net/amer/v3/attachments/0-eus-d1-abc/views/original',
  },
  {
    contentType: 'text/html',
    content:
      '<p><img src="https://smba.trafficmanager.net/amer/v3/attachments/0-eus-d1-abc/views/original"></p>',
  },
];

describe('mayDownloadTeamsFile: where a Teams file may come from', () => {
  const SP = 'https://contoso-my.sharepoint.com/personal/a/download.aspx';
  it.each([
    // [what, url, allowed], for a file that came through Teams to a bot with an app id
    ['OneDrive for Business on SharePoint', DOWNLOAD_URL, true],
    [
      'a team site on SharePoint',
      'https://contoso.sharepoint.com/sites/finance/download.aspx?UniqueId=1',
      true,
    ],
    ['SharePoint in Microsoft’s test ring', 'https://contoso-my.sharepoint-df.com/personal/a/x', true],
    ['OneDrive', 'https://api.onedrive.com/v1.0/shares/s!abc/root/content', true],
    ['a OneDrive short link', 'https://1drv.ms/u/s!abc', true],
    ['plain http', SP.replace('https:', 'http:'), false],
    ['another port', SP.replace('.com/', '.com:8443/'), false],
    ['a host that only starts like SharePoint', 'https://contoso.sharepoint.com.example.net/x', false],
    ['a host that only ends like SharePoint', 'https://evilsharepoint.com/x', false],
    ['another host', 'https://files.example.com/checking.csv', false],
    [
      'the Teams service (its pictures need the bot’s token)',
      'https://smba.trafficmanager.net/amer/v3/a/1',
      false,
    ],
    ['an internal address', 'https://10.0.0.5/checking.csv', false],
    ['credentials in the URL', SP.replace('https://', 'https://user:pw@'), false],
    ['not a URL', 'not a url', false],
  ])('%s', (_what, url, allowed) => {
    expect(mayDownloadTeamsFile(url, 'msteams', true)).toBe(allowed);
  });

  it.each([
    ['another channel', 'emulator', true],
    ['no channel', undefined, true],
    ['no app id (Teams never calls such a bot)', 'msteams', false],
  ])('refuses even SharePoint from %s', (_what, channel, authenticated) => {
    expect(mayDownloadTeamsFile(DOWNLOAD_URL, channel, authenticated)).toBe(false);
  });
});

describe('Teams attachments', () => {
  it('takes the download link of a file.download.info attachment and nothing else', () => {
    expect(teamsFiles(teamsFileAttachments())).toEqual([
      {
        name: 'checking.csv',
        contentType: TEAMS_FILE_DOWNLOAD_INFO,
        contentUrl: DOWNLOAD_URL,
        channel: 'msteams',
      },
    ]);
    expect(teamsFiles(PICTURE)).toEqual([]);
    expect(teamsFiles([{ contentType: TEAMS_FILE_DOWNLOAD_INFO, name: 'a.csv', content: {} }])).toEqual([]);
  });

  it('tells pictures pasted into Teams apart', () => {
    expect(hasTeamsPictures({ channelId: 'msteams', attachments: PICTURE })).toBe(true);
    expect(hasTeamsPictures({ channelId: 'msteams', attachments: teamsFileAttachments() })).toBe(false);
    expect(hasTeamsPictures({ channelId: 'emulator', attachments: PICTURE })).toBe(false);
  });
});

describe('a statement sent in a Teams personal chat', () => {
  let store: Store;
  let understanding: Understanding;
  let adapter: TestAdapter;
  const downloads: Attachment[] = [];

  beforeAll(async () => {
    setLogLevel('error');
    store = await memoryStore();
    understanding = await realUnderstanding();
    const bot = new TallyBot({
      store,
      templates: realTemplates(),
      personalState: personalState(new StoreStorage(store.state)),
      services: () => ({
        store,
        understanding,
        fetchAttachment: async (attachment) => {
          downloads.push(attachment);
          return groceriesWithSpike('2026-03-09');
        },
      }),
    });
    adapter = new TestAdapter((context) => bot.run(context));
  }, 30_000);
  afterAll(() => store.close());

  /** One message in Maya's personal chat with Tally, as Teams sends it; returns the texts Tally sent. */
  async function say(text: string, attachments: ChannelAttachment[] = []): Promise<string[]> {
    const activity: Partial<Activity> = {
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
      from: { id: '29:1maya', name: 'Maya', aadObjectId: '6b1c0f5e-0000-4000-8000-000000000001' },
      recipient: { id: '28:tally', name: 'Tally' },
      conversation: {
        id: 'a:1personal-maya',
        conversationType: 'personal',
        tenantId: 'contoso',
        isGroup: false,
        name: '',
      },
      channelData: { tenant: { id: 'contoso' } },
      text,
      attachments,
      localTimestamp: new Date('2026-03-10T12:00:00.000-08:00'),
      localTimezone: 'America/Los_Angeles',
    };
    await adapter.processActivity(activity);
    return adapter.activeQueue.splice(0).map((a) => a.text ?? '');
  }

  it('flows into the link dialog and is imported from its download link', async () => {
    const [explain] = await say('', teamsFileAttachments());
    expect(explain).toContain('Is that OK?');
    expect(downloads).toHaveLength(0);
    expect((await say('yes')).join('\n')).toContain('Which account is this file from?');
    const [summary] = await say('Chase Checking');
    expect(summary).toMatch(/^Imported \d+ transactions .*into Chase Checking/);

    expect(downloads).toHaveLength(1);
    const downloaded = downloads[0]!;
    expect(downloaded).toMatchObject({
      name: 'checking.csv',
      contentType: TEAMS_FILE_DOWNLOAD_INFO,
      contentUrl: DOWNLOAD_URL,
      channel: 'msteams',
    });
    // The real download would be allowed for exactly this attachment once the bot has an app id.
    expect(mayDownloadTeamsFile(downloaded.contentUrl!, downloaded.channel, true)).toBe(true);
    expect(countRows(store, 'transactions', 'user_id = ?', '29:1maya')).toBeGreaterThan(25);
  });

  it('answers a pasted picture with a friendly line, and the words beside it as usual', async () => {
    const picture = realTemplates().render('PictureIsNotAStatement');
    expect(await say('', PICTURE)).toEqual([picture]);
    expect(await say('help', PICTURE)).toEqual([picture, ...(await say('help'))]);
    expect(downloads).toHaveLength(1);
  });

  it('does not take the HTML copy Teams sends with a message for a file', async () => {
    const html: ChannelAttachment[] = [
      { contentType: 'text/html', content: '<p>what do you keep about me?</p>' },
    ];
    const replies = await say('what do you keep about me?', html);
    expect(replies).toEqual(await say('what do you keep about me?'));
    expect(replies.join('\n')).not.toMatch(/Is that OK\?|Which account is this file from\?/);
  });
});

describe('Teams invokes and files, over HTTP', () => {
  const temp = tempDbFile();
  let tally: RunningTally;
  let channel: FakeChannel;

  beforeAll(async () => {
    setLogLevel('error');
    channel = await startChannel();
    tally = await startTally(
      loadConfig({ ...process.env, PORT: '0', TALLY_DB: temp.file, LOG_LEVEL: 'error', MicrosoftAppId: '' }),
    );
    await tally.store.users.recordConsent('29:1theo');
  }, 30_000);
  afterAll(async () => {
    await tally?.close();
    await channel?.close();
    temp.remove();
  });

  const activity = (fields: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: channel.serviceUrl,
    from: { id: '29:1theo', name: 'Theo' },
    recipient: { id: '28:tally', name: 'Tally' },
    conversation: { id: 'a:1personal-theo', conversationType: 'personal' },
    ...fields,
  });

  it('answers a fileConsent/invoke with 200, accepted or declined', async () => {
    for (const action of ['accept', 'decline']) {
      const { status } = await postActivity(
        tally.port,
        activity({
          type: 'invoke',
          name: 'fileConsent/invoke',
          value: { type: 'fileUpload', action, context: {} },
        }),
      );
      expect(status, action).toBe(200);
    }
  });

  it('leaves other invokes to the SDK (501)', async () => {
    const { status } = await postActivity(
      tally.port,
      activity({ type: 'invoke', name: 'composeExtension/query', value: {} }),
    );
    expect(status).toBe(501);
  });

  it('refuses a Teams file link while Tally runs without an app id, with nothing fetched', async () => {
    const send = async (text: string, attachments: unknown[] = []) => {
      const { status, body } = await postActivity(
        tally.port,
        activity({ type: 'message', text, attachments, deliveryMode: 'expectReplies' }),
      );
      expect(status).toBe(200);
      return (body?.activities ?? []).map((a) => a.text ?? '').join('\n');
    };
    expect(await send('', teamsFileAttachments())).toContain('Which account is this file from?');
    expect(await send('Chase Checking')).toBe(
      realTemplates().render('AttachmentRefused', { reason: 'not-allowed' }),
    );
    expect(countRows(tally.store, 'transactions', 'user_id = ?', '29:1theo')).toBe(0);
  });
});
