/** The "Copy diagnostics" text: what support needs to help, and nothing private. */
export function diagnosticsText(input: { version: string; mode: string; accounts: string[]; log: string[] }): string {
  return [
    `Switchboard ${input.version} (${input.mode} mode)`,
    `Platform: ${process.platform} ${process.arch}, Node ${process.versions.node}${process.versions.electron ? `, Electron ${process.versions.electron}` : ''}`,
    `Accounts: ${input.accounts.length ? input.accounts.join('; ') : 'none'}`,
    '',
    'Recent log:',
    ...input.log,
  ].join('\n');
}
