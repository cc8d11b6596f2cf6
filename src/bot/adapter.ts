import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.ts';
import { errorKind, log } from '../log.ts';
import type { BotTemplates } from './templates.ts';

/**
 * The channel connection. With no MicrosoftAppId it runs in the Emulator's local mode; with one, every
 * request must carry a valid Bot Framework token or it is refused.
 */
export function createAdapter(config: Config, templates: BotTemplates, onError?: (context: TurnContext) => Promise<void>): CloudAdapter {
  const settings = {
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ConfigurationBotFrameworkAuthentication(settings, credentials);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // Never the message text or amounts: only what kind of failure it was.
    log.error('turn.failed', { kind: errorKind(error), activity: context.activity.type, channel: context.activity.channelId });
    try {
      await onError?.(context);
      await context.sendActivity(templates.has('SomethingWentWrong') ? templates.render('SomethingWentWrong') : 'Sorry, something went wrong on my side. Please try again.');
    } catch (err) {
      log.error('turn.error-reply-failed', { kind: errorKind(err) });
    }
  };
  return adapter;
}
