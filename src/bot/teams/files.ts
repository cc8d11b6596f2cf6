/**
 * Files in Microsoft Teams. In a personal chat (the manifest's `supportsFiles`) a file the person sends
 * is first uploaded to their OneDrive; the message then carries a `file.download.info` attachment whose
 * `content.downloadUrl` is a short-lived, pre-authenticated SharePoint or OneDrive link. Pictures pasted
 * into a message arrive as `image/*` attachments on the Teams service, and most messages carry a
 * `text/html` copy of their text: neither is a statement.
 *
 * Tally never sends files, so the other half of Teams' file flow (a FileConsentCard asking to save a file
 * to the person's OneDrive, answered by a `fileConsent/invoke`) is only acknowledged: see `invoke.ts`.
 */
import type { Activity, Attachment as ChannelAttachment } from 'botbuilder';
import type { Attachment } from '../../conversation/types.ts';

export const TEAMS_CHANNEL = 'msteams';
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/**
 * Where Teams keeps the files people send a bot: their OneDrive for Business, which is SharePoint
 * (`contoso-my.sharepoint.com`; `sharepoint-df.com` in Microsoft's own test rings), or OneDrive.
 */
const FILE_HOST_SUFFIXES = [
  '.sharepoint.com',
  '.sharepoint-df.com',
  '.onedrive.com',
  '.1drv.ms',
  '.1drv.com',
];
const FILE_HOSTS = new Set(['onedrive.com', '1drv.ms', '1drv.com']);

interface FileDownloadInfo {
  downloadUrl?: unknown;
  uniqueId?: unknown;
  fileType?: unknown;
}

/** The statement files of a Teams message: its `file.download.info` attachments, nothing else. */
export function teamsFiles(attachments: readonly ChannelAttachment[]): Attachment[] {
  const files: Attachment[] = [];
  for (const a of attachments) {
    if (a.contentType !== TEAMS_FILE_DOWNLOAD_INFO) continue;
    const info = (typeof a.content === 'object' && a.content !== null ? a.content : {}) as FileDownloadInfo;
    if (typeof info.downloadUrl !== 'string') continue;
    files.push({
      name: a.name ?? 'statement',
      contentType: TEAMS_FILE_DOWNLOAD_INFO,
      contentUrl: info.downloadUrl,
      channel: TEAMS_CHANNEL,
    });
  }
  return files;
}

/** Whether a Teams message carries pictures pasted into it (which Tally does not read). */
export function hasTeamsPictures(activity: Pick<Activity, 'channelId' | 'attachments'>): boolean {
  if (activity.channelId !== TEAMS_CHANNEL) return false;
  return (activity.attachments ?? []).some((a) => a.contentType?.startsWith('image/'));
}

/**
 * Whether a Teams file link may be fetched: only for a file that came through Teams to an authenticated
 * bot (Teams never talks to one without an app id), over https on the default port, from SharePoint or
 * OneDrive, with no credentials in the URL. The link is pre-authenticated, so the bot's own token is
 * never sent with it.
 */
export function mayDownloadTeamsFile(
  url: string,
  channel: string | undefined,
  authenticated: boolean,
): boolean {
  if (channel !== TEAMS_CHANNEL || !authenticated) return false;
  let file: URL;
  try {
    file = new URL(url);
  } catch {
    return false;
  }
  if (file.protocol !== 'https:' || file.port !== '' || file.username || file.password) return false;
  const host = file.hostname.toLowerCase();
  return FILE_HOSTS.has(host) || FILE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
}
