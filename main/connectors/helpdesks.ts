/** The helpdesk connectors by account type (the types themselves: shared/helpdesks.ts). */
import type { Account } from '../../shared/domain';
import type { Connector } from '../../shared/connector';
import type { HelpdeskSettings, HelpdeskSettingsOf, HelpdeskType } from '../../shared/helpdesks';
import { FreshdeskConnector } from './freshdesk/connector';
import type { HelpdeskConnector } from './http/helpdesk';
import { HelpScoutConnector } from './helpscout/connector';
import { RtConnector } from './rt/connector';
import { ZendeskConnector } from './zendesk/connector';

export type { HelpdeskSettings };

type Factory<T extends HelpdeskType> = (settings: HelpdeskSettingsOf<T>, account: Account, secret: () => string | null) => HelpdeskConnector<unknown>;

/** One line per helpdesk: how its connector is made from its settings. */
const factories: { [T in HelpdeskType]: Factory<T> } = {
  rt: (s, account, secret) => new RtConnector(account, s.url, secret),
  zendesk: (s, account, secret) => new ZendeskConnector(account, s.url, s.email, secret),
  freshdesk: (s, account, secret) => new FreshdeskConnector(account, s.url, secret),
  helpscout: (s, account, secret) => new HelpScoutConnector(account, s.url, s.appId, secret),
};

export function helpdeskConnector(settings: HelpdeskSettings, id: string, secret: () => string | null): Connector {
  const make = factories[settings.type] as Factory<HelpdeskType>;
  const connector = make(settings as never, { id, type: settings.type, name: settings.name, demo: false }, secret);
  connector.vip = settings.vip; // how this account marks VIP customers
  return connector;
}
