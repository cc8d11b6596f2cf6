/**
 * The Bot Framework floor: restify 11 + CloudAdapter + ConfigurationBotFrameworkAuthentication with no app
 * id, the same body parser as Tally's server, replying with the text it got. Run: `PORT=3979 node bench/echo-bot.ts`.
 */
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import restify from 'restify';

const settings = {
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppType: 'MultiTenant',
  MicrosoftAppTenantId: '',
};
const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication(
    settings,
    new ConfigurationServiceClientCredentialFactory(settings),
  ),
);

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text}`);
      await next();
    });
  }
}
const bot = new EchoBot();

const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: 4 * 1024 * 1024, mapParams: false }));
server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
  res.send(200, { status: 'ok' });
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1', () => {
  process.stdout.write(`echo bot listening on ${server.url}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
