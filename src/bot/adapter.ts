import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import type { ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import { activityProblem } from '../http/activity.ts';
import { errorKind, log } from '../log.ts';
import { ReusedClients } from './reused-clients.ts';
import { StaleStateError } from './storage.ts';
import type { BotTemplates } from './templates.ts';

type Logic = (context: TurnContext) => Promise<void>;

/**
 * CloudAdapter with the HTTP edge made strict. `CloudAdapter.process` answers 500 (and prints a stack) for
 * every authentication failure that is not its own AuthenticationError: a bad signature (jsonwebtoken's
 * errors are rethrown as they are) or signing keys it could not fetch. Here the request
 * is authenticated as a step of its own, so any failure there is a 401 with one log line; an activity
 * without what a turn needs is a 400; only a failure inside the turn machinery is a 500.
 */
class CheckedAdapter extends CloudAdapter {
  override async process(
    req: Request,
    ...rest: [Response, Logic] | [unknown, unknown, Logic]
  ): Promise<void> {
    // The web-socket form (socket, head, logic) is the SDK's own business.
    if (rest.length === 3)
      return (super.process as (...args: unknown[]) => Promise<void>).call(this, req, ...rest);
    const [res, logic] = rest;
    const problem = activityProblem(req.body);
    if (problem) {
      log.warn('http.rejected', { reason: problem, status: 400 });
      return answer(res, 400, { error: 'invalid-activity' });
    }
    const activity = withDates(req.body as Record<string, unknown>);
    const header = req.headers.authorization ?? req.headers.Authorization;
    const auth = await this.botFrameworkAuthentication
      .authenticateRequest(activity, typeof header === 'string' ? header : '')
      .catch((err: unknown) => {
        const reason = authFailure(err);
        // Keys that cannot be fetched refuse every caller, so the operator must hear of it.
        (reason === 'keys-unavailable' ? log.error : log.warn)('http.unauthorized', {
          reason,
          kind: errorKind(err),
        });
        return undefined;
      });
    if (!auth) return answer(res, 401, { error: 'unauthorized' });
    const invoke = await this.processActivity(auth, activity, logic);
    answer(res, invoke?.status ?? 200, invoke?.body);
  }
}

/**
 * Writes the turn's answer. On a Node response (restify's is one) the JSON is written directly, as
 * restify's JSON formatter would write it, without its content negotiation and formatter lookup on the
 * way; any other response object gets the SDK's calls.
 */
function answer(res: Response, status: number, body: unknown): void {
  const node = res as unknown as Partial<ServerResponse>;
  if (typeof node.writeHead === 'function' && typeof node.end === 'function') {
    if (body === undefined) {
      node.writeHead(status, { 'Content-Length': 0 });
      return void node.end();
    }
    const text = JSON.stringify(body);
    node.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
    });
    return void node.end(text);
  }
  res.status(status);
  if (body !== undefined) {
    res.header('Content-Type', 'application/json');
    res.send(body);
  }
  res.end();
}

/** As the SDK does before a turn: the ISO timestamps become Dates, the original strings are kept. */
function withDates(body: Record<string, unknown>): Activity {
  const activity = { ...body };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/** A loggable kind for a failed authentication (never the token or the SDK's message, which quotes claims). */
function authFailure(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  const code =
    (err as { code?: unknown; cause?: { code?: unknown } } | undefined)?.code ??
    (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (name === 'TokenExpiredError') return 'expired';
  if (name === 'NotBeforeError') return 'not-yet-valid';
  if (name === 'JsonWebTokenError') return 'invalid-token';
  if (name === 'FetchError' || (typeof code === 'string' && /^(E[A-Z]+|UND_ERR)/.test(code)))
    return 'keys-unavailable';
  if (typeof (err as { statusCode?: unknown } | undefined)?.statusCode === 'number') return 'refused';
  return 'unverifiable';
}

/**
 * The channel connection. With no MicrosoftAppId it runs in the Emulator's local mode; with one, every
 * request must carry a valid Bot Framework token or it is refused with 401. `authentication` replaces the
 * one built from the configuration (tests).
 */
export function createAdapter(
  config: Config,
  templates: BotTemplates,
  onError?: (context: TurnContext) => Promise<void>,
  authentication?: ConstructorParameters<typeof CloudAdapter>[0],
): CloudAdapter {
  const settings = {
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
  };
  const adapter = new CheckedAdapter(
    new ReusedClients(
      authentication ??
        new ConfigurationBotFrameworkAuthentication(
          settings,
          new ConfigurationServiceClientCredentialFactory(settings),
        ),
    ),
  );
  adapter.onTurnError = async (context, error) => {
    // Never the message text or amounts: only what kind of failure it was.
    log.error('turn.failed', {
      kind: errorKind(error),
      activity: context.activity.type,
      channel: context.activity.channelId,
    });
    try {
      // A turn that kept losing the race for the person's state leaves the winner's state alone.
      if (!(error instanceof StaleStateError)) await onError?.(context);
      await context.sendActivity(
        templates.has('SomethingWentWrong')
          ? templates.render('SomethingWentWrong')
          : 'Sorry, something went wrong on my side. Please try again.',
      );
    } catch (err) {
      log.error('turn.error-reply-failed', { kind: errorKind(err) });
    }
  };
  return adapter;
}
