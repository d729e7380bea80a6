/** The helpdesk connectors by account type: one place that knows which class serves which settings. */
import type { RtAccountSettings, ZendeskAccountSettings } from '../../shared/accounts';
import type { Connector } from '../../shared/connector';
import { RtConnector } from './rt/connector';
import { ZendeskConnector } from './zendesk/connector';

export type HelpdeskSettings = RtAccountSettings | ZendeskAccountSettings;

export function helpdeskConnector(settings: HelpdeskSettings, id: string, secret: () => string | null): Connector {
  const account = { id, type: settings.type, name: settings.name, demo: false };
  return settings.type === 'rt' ? new RtConnector(account, settings.url, secret) : new ZendeskConnector(account, settings.url, settings.email, secret);
}
