import type { Request, Response, TurnContext } from 'botbuilder';
import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../config.ts';
import type { ChartRenderer, Understanding } from '../conversation/types.ts';
import type { UpcomingSource } from '../insights/upcoming.ts';
import type { Store } from '../store/index.ts';
import { createAdapter } from './adapter.ts';
import { Alerter, rememberReach } from './alerts.ts';
import { fetchAttachment } from './attachments.ts';
import { Scheduler } from './scheduler.ts';
import { personalState, StoreStorage } from './storage.ts';
import { TallyBot } from './tally-bot.ts';
import { BotTemplates } from './templates.ts';

export { BotTemplates } from './templates.ts';
export type { DialogProblem } from './templates.ts';
export { Scheduler } from './scheduler.ts';

export interface BotApp {
  adapter: CloudAdapter;
  bot: TallyBot;
  alerter: Alerter;
  /** Budget, bill, payday and weekly-recap messages, planned and sent from the database. */
  scheduler: Scheduler;
  /** Runs one HTTP request through the adapter (restify's req/res). */
  process(req: unknown, res: unknown): Promise<void>;
}

/** Wires the Bot Framework pieces: templates → adapter → per-person state → bot → proactive alerts. */
export function createBotApp(deps: {
  config: Config;
  store: Store;
  understanding: Understanding;
  charts?: ChartRenderer;
  /** Chart images bound to one person, for messages sent outside a turn. */
  chartsFor?: (userId: string) => ChartRenderer;
  /** Paydays and bills for the scheduler; by default none. */
  upcoming?: UpcomingSource;
  templates?: BotTemplates;
}): BotApp {
  const templates = deps.templates ?? BotTemplates.load(deps.config.dialogsDir);
  // Keyed by conversation and person: in a shared conversation each person has their own dialog.
  const state = personalState(new StoreStorage(deps.store.state));
  const adapter = createAdapter(deps.config, templates, async (context) => {
    await state.delete(context);
  });
  const alerter = new Alerter(deps.store, adapter, deps.config.microsoftAppId, templates);
  const scheduler = new Scheduler({
    store: deps.store,
    adapter,
    appId: deps.config.microsoftAppId,
    templates,
    upcoming: deps.upcoming,
    chartsFor: deps.chartsFor,
  });
  const bot = new TallyBot({
    store: deps.store,
    templates,
    personalState: state,
    services: (context: TurnContext) => ({
      store: deps.store,
      understanding: deps.understanding,
      charts: deps.charts,
      fetchAttachment: (attachment) => fetchAttachment(attachment, context.activity.serviceUrl, deps.config),
      afterImport: async () => {
        // The person exists now (they linked something): this conversation is where alerts reach them.
        await rememberReach(deps.store, context.activity);
        void alerter.sweep();
      },
    }),
  });
  return {
    adapter,
    bot,
    alerter,
    scheduler,
    process: (req, res) => adapter.process(req as Request, res as Response, (context) => bot.run(context)),
  };
}
