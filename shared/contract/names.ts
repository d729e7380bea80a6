/**
 * The names of the contract's methods and events, free of any dependency so the sandboxed preload can
 * import them. `contract/index.ts` gives each name its schemas; the compiler keeps the two lists in step.
 */
export const methodNames = [
  'appInfo',
  'listAccounts',
  'pull',
  'push',
  'removeDemo',
  'restoreDemo',
  'testAccount',
  'addAccount',
  'removeAccount',
  'fetchAttachment',
  'articles',
  'notify',
  'setBadge',
  'diagnostics',
  'openExternal',
  'shellState',
  'setSyncPaused',
  'setDesktopSettings',
  'reportActivity',
  'installUpdate',
  'about',
  'connectivity',
  'changeSecret',
  'stageFile',
  'discardFiles',
  'readFile',
  'discoverServers',
  'beginSignIn',
  'finishSignIn',
  'cancelSignIn',
] as const;
export type MethodName = (typeof methodNames)[number];

export const eventNames = ['syncChanged', 'accountsChanged', 'openTicket', 'shellChanged', 'navigate', 'connectivityChanged'] as const;
export type EventName = (typeof eventNames)[number];

/** The IPC channel that carries a method or an event in Electron. */
export const channelOf = (name: MethodName | EventName): string => `switchboard:${name}`;
