/** The helpdesk connectors by account type: one place that knows which class serves which settings. */
import type { FreshdeskAccountSettings, HelpScoutAccountSettings, RtAccountSettings, ZendeskAccountSettings } from '../../shared/accounts';
import type { Connector } from '../../shared/connector';
import { FreshdeskConnector } from './freshdesk/connector';
import { HelpScoutConnector } from './helpscout/connector';
import { RtConnector } from './rt/connector';
import { ZendeskConnector } from './zendesk/connector';

export type HelpdeskSettings = RtAccountSettings | ZendeskAccountSettings | FreshdeskAccountSettings | HelpScoutAccountSettings;

export function helpdeskConnector(settings: HelpdeskSettings, id: string, secret: () => string | null): Connector {
  const connector = create(settings, id, secret);
  connector.vip = settings.vip; // how this account marks VIP customers
  return connector;
}

function create(settings: HelpdeskSettings, id: string, secret: () => string | null): RtConnector | ZendeskConnector | FreshdeskConnector | HelpScoutConnector {
  const account = { id, type: settings.type, name: settings.name, demo: false };
  switch (settings.type) {
    case 'rt':
      return new RtConnector(account, settings.url, secret);
    case 'zendesk':
      return new ZendeskConnector(account, settings.url, settings.email, secret);
    case 'freshdesk':
      return new FreshdeskConnector(account, settings.url, secret);
    case 'helpscout':
      return new HelpScoutConnector(account, settings.url, settings.appId, secret);
  }
}
