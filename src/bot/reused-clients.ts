import type { Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { setNewest } from '../newest.ts';

/** Clients kept at most, each way (a channel has a handful of service URLs; Emulator users one each). */
const MAX_KEPT = 256;

/**
 * The bot's application id a turn's clients act as, read as the SDK reads it (the audience claim from a
 * channel's token, the appid claim from the Emulator's; none when authentication is off).
 */
function appIdOf(identity: ClaimsIdentity): string {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** A bounded map that forgets the entry used longest ago. */
class Kept<T> {
  private readonly items = new Map<string, Promise<T>>();

  get(key: string, make: () => Promise<T>): Promise<T> {
    let item = this.items.get(key);
    if (!item) {
      const made = (item = make());
      // A client that could not be made (credentials unavailable) is not kept: the next turn tries again.
      made.catch(() => this.items.get(key) === made && this.items.delete(key));
    }
    setNewest(this.items, key, item, MAX_KEPT);
    return item;
  }
}

/** Hands out the connector client kept for the same bot, service URL and audience. */
class ReusedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly kept: Kept<ConnectorClient>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    // Without an audience the inner factory falls back to a scope of its own: nothing to key it on.
    if (audience === undefined) return this.inner.create(serviceUrl, audience);
    return this.kept.get(`${this.appId}\n${serviceUrl}\n${audience}`, () =>
      this.inner.create(serviceUrl, audience),
    );
  }
}

/**
 * The channel's authentication, with the clients it builds for a turn kept for the next one. The SDK makes
 * a new ConnectorClient and UserTokenClient for every incoming activity (each an HTTP pipeline of a dozen
 * policies, about a fifth of a millisecond together) though they differ only by the bot's id, the service
 * URL and the audience; the older BotFrameworkAdapter kept them the same way. A client holds no state of
 * a turn: its credentials fetch and renew their own token.
 */
export class ReusedClients extends BotFrameworkAuthentication {
  private readonly connectors = new Kept<ConnectorClient>();
  private readonly tokenClients = new Kept<UserTokenClient>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const factory = this.inner.createConnectorFactory(claimsIdentity);
    return new ReusedConnectorFactory(factory, appIdOf(claimsIdentity), this.connectors);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(claimsIdentity), () =>
      this.inner.createUserTokenClient(claimsIdentity),
    );
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const factory = result.connectorFactory;
    if (!factory) return result;
    return {
      ...result,
      connectorFactory: new ReusedConnectorFactory(factory, appIdOf(result.claimsIdentity), this.connectors),
    };
  }
}
