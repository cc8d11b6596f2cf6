/**
 * Downloading a file sent in Teams: what is refused before any request, and the download itself (no
 * token, redirects checked, size limit, deadline) against a local server standing in for SharePoint.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAttachment, fetchTeamsFile, type AttachmentPolicy } from '../../src/bot/attachments.ts';
import { TEAMS_FILE_DOWNLOAD_INFO } from '../../src/bot/teams/files.ts';
import { AttachmentError } from '../../src/conversation/link.ts';
import type { Attachment } from '../../src/conversation/types.ts';

const DOWNLOAD_URL =
  'https://contoso-my.sharepoint.com/personal/maya_contoso_com/_layouts/15/download.aspx?UniqueId=1150d938&tempauth=v1.e30&ApiVersion=2.0';
const AUTHENTICATED: AttachmentPolicy = {
  microsoftAppId: 'app',
  maxUploadBytes: 1024 * 1024,
  downloadTimeoutMs: 2_000,
};

function answer(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: string | Buffer,
): void {
  res.writeHead(status, headers);
  res.end(body);
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return err instanceof AttachmentError ? err.reason : `other:${String(err)}`;
  }
}

describe('fetchAttachment for a Teams file', () => {
  const file = (over: Partial<Attachment> = {}): Attachment => ({
    name: 'checking.csv',
    contentType: TEAMS_FILE_DOWNLOAD_INFO,
    contentUrl: DOWNLOAD_URL,
    channel: 'msteams',
    ...over,
  });
  let tokenAsked = 0;
  const token = async () => {
    tokenAsked++;
    return 'bot-token';
  };

  it.each([
    [
      'a link that is not https',
      file({ contentUrl: DOWNLOAD_URL.replace('https:', 'http:') }),
      AUTHENTICATED,
    ],
    ['a link to another host', file({ contentUrl: 'https://files.example.com/checking.csv' }), AUTHENTICATED],
    ['a file that did not come through Teams', file({ channel: 'emulator' }), AUTHENTICATED],
    ['a Teams file in the Emulator mode', file(), { ...AUTHENTICATED, microsoftAppId: '' }],
    ['a data: URL', file({ contentUrl: 'data:text/csv;base64,ZGF0ZQo=' }), AUTHENTICATED],
  ])('refuses %s before any request, without asking for a token', async (_what, attachment, policy) => {
    expect(
      await reasonOf(fetchAttachment(attachment, 'https://smba.trafficmanager.net/amer/', policy, token)),
    ).toBe('not-allowed');
    expect(tokenAsked).toBe(0);
  });
});

describe('fetchTeamsFile: the download itself, against a local server', () => {
  let server: Server;
  let base = '';
  const seen: IncomingHttpHeaders[] = [];
  const routes: Record<string, (res: ServerResponse) => void> = {
    '/checking.csv': (res) => answer(res, 200, { 'Content-Type': 'text/csv' }, 'Date,Description,Amount\n'),
    '/moved': (res) => answer(res, 302, { Location: '/checking.csv' }),
    '/away': (res) => answer(res, 302, { Location: 'http://10.0.0.5/secret' }),
    '/loop': (res) => answer(res, 302, { Location: '/loop' }),
    '/big': (res) => answer(res, 200, {}, Buffer.alloc(AUTHENTICATED.maxUploadBytes + 1, 97)),
    '/slow': (res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('x'), 50);
      res.on('close', () => clearInterval(timer));
    },
  };
  // Stands in for "https on SharePoint": only this server.
  const local = (url: string) => url.startsWith(`${base}/`);
  const at = (path: string): Attachment => ({
    name: 'checking.csv',
    contentType: TEAMS_FILE_DOWNLOAD_INFO,
    contentUrl: `${base}${path}`,
    channel: 'msteams',
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      (routes[req.url ?? ''] ?? ((r: ServerResponse) => answer(r, 404, {})))(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('downloads the file with no Authorization header', async () => {
    seen.length = 0;
    expect((await fetchTeamsFile(at('/checking.csv'), AUTHENTICATED, local)).toString()).toBe(
      'Date,Description,Amount\n',
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.authorization).toBeUndefined();
  });

  it('follows a redirect the policy allows, and refuses one it does not', async () => {
    expect((await fetchTeamsFile(at('/moved'), AUTHENTICATED, local)).toString()).toBe(
      'Date,Description,Amount\n',
    );
    expect(await reasonOf(fetchTeamsFile(at('/away'), AUTHENTICATED, local))).toBe('not-allowed');
    expect(await reasonOf(fetchTeamsFile(at('/loop'), AUTHENTICATED, local))).toBe('unreachable');
  });

  it('keeps the size limit and the deadline', async () => {
    expect(await reasonOf(fetchTeamsFile(at('/big'), AUTHENTICATED, local))).toBe('too-large');
    const started = Date.now();
    expect(
      await reasonOf(fetchTeamsFile(at('/slow'), { ...AUTHENTICATED, downloadTimeoutMs: 300 }, local)),
    ).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('refuses by default: a local server is not SharePoint', async () => {
    expect(await reasonOf(fetchTeamsFile(at('/checking.csv'), AUTHENTICATED))).toBe('not-allowed');
  });
});
