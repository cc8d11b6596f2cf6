import type { Activity, InvokeResponse } from 'botbuilder';
import { log } from '../../log.ts';
import { TEAMS_CHANNEL } from './files.ts';

/** The invoke Teams sends when someone answers a FileConsentCard (accepts or declines a file). */
export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';

/**
 * The answer to a Teams invoke Tally handles itself, or undefined for the SDK to answer.
 *
 * A bot that sends someone a file asks first with a FileConsentCard; Teams answers with a
 * `fileConsent/invoke` whose value says `accept` (with an upload URL in the person's OneDrive) or
 * `decline`. Tally sends no files and so never asks, but a card can outlive the version that sent it:
 * acknowledging with 200 and doing nothing keeps Teams from showing the person an error.
 */
export function teamsInvokeResponse(
  activity: Pick<Activity, 'channelId' | 'name' | 'value'>,
): InvokeResponse | undefined {
  if (activity.channelId !== TEAMS_CHANNEL || activity.name !== FILE_CONSENT_INVOKE) return undefined;
  const action = (activity.value as { action?: unknown } | undefined)?.action;
  log.info('teams.file-consent', { action: action === 'accept' || action === 'decline' ? action : 'other' });
  return { status: 200 };
}
