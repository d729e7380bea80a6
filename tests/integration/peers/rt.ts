/**
 * A private Request Tracker 5 on 127.0.0.1 for the tests (recipe: ../shared/PEERS.md §3): SQLite, RT's
 * standalone rt-server, BcryptCost 4 so token checks are cheap, mail into an mbox file. The database is
 * built once (schema, an agent with rights, a REST token) and copied for each run. Stopped with SIGTERM.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

const RT_SERVER = '/usr/share/request-tracker5/libexec/rt-server';
const SETUP = '/usr/sbin/rt-setup-database-5';

export function rtAvailable(): boolean {
  return existsSync(RT_SERVER) && existsSync(SETUP);
}

export interface Rt {
  url: string;
  /** A REST2 auth token of the agent `agent` (rights on everything). */
  token: string;
  /** A REST2 call as the agent, as another RT user would make it; throws on an error status. */
  rest<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Runs RT's Perl API (the seed script) against this instance: users, rights, tokens. */
  seed(...args: string[]): string;
  /** The server goes away (connections refused), its data kept; `resume` brings it back on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** RT's Perl API, for what REST2 in 5.0 cannot do: create users with rights, mint tokens. */
const SEED_PL = `
use strict; use warnings;
use RT -init;
my ($cmd, @args) = @ARGV;
if ($cmd eq 'user') {
  my ($name, $email, $real, $pass) = @args;
  my $u = RT::User->new(RT->SystemUser);
  my ($id, $msg) = $u->Create(Name => $name, EmailAddress => $email, RealName => $real, Privileged => 1, Password => $pass);
  die "user: $msg\\n" unless $id;
  my ($ok, $m) = $u->PrincipalObj->GrantRight(Right => 'SuperUser', Object => RT->System);
  die "grant: $m\\n" unless $ok;
  print "$id\\n";
} elsif ($cmd eq 'token') {
  my $u = RT::User->new(RT->SystemUser);
  $u->Load($args[0]) or die "no user $args[0]\\n";
  my $t = RT::AuthToken->new(RT::CurrentUser->new($u));
  my ($id, $msg, $auth) = $t->Create(Owner => $u->Id, Description => 'switchboard tests');
  die "token: $msg\\n" unless $id;
  print "$auth\\n";
} elsif ($cmd eq 'cf') {
  my $cf = RT::CustomField->new(RT->SystemUser);
  my ($id, $msg) = $cf->Create(Name => $args[0], Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket');
  die "cf: $msg\\n" unless $id;
  my ($ok, $m) = $cf->AddToObject(RT::Queue->new(RT->SystemUser));
  die "cf global: $m\\n" unless $ok;
  print "$id\\n";
} else { die "unknown command $cmd\\n"; }
`;

function siteConfig(dir: string, port: number): string {
  return `Set($rtname, 'rt.test');
Set($Organization, 'example.test');
Set($Timezone, 'UTC');
Set($WebDomain, '127.0.0.1');
Set($WebPort, ${port});
Set($WebPath, '');
Set($WebBaseURL, 'http://127.0.0.1:${port}');
Set($CanonicalizeRedirectURLs, 0);
Set($RestrictReferrer, 0);
Set($WebSecureCookies, 0);
Set($BcryptCost, 4);
Set($DatabaseType, 'SQLite');
Set($DatabaseName, '${dir}/rt.db');
Set($DatabaseUser, '');
Set($DatabasePassword, '');
Set($VarPath, '${dir}/var');
Set($MasonDataDir, '${dir}/mason_data');
Set($MasonSessionDir, '${dir}/session_data');
Set($LogToSyslog, undef);
Set($LogToSTDERR, 'error');
Set($LogToFile, undef);
Set($CorrespondAddress, 'support@example.test');
Set($CommentAddress, 'support-comment@example.test');
Set($OwnerEmail, 'root@example.test');
Set($MailCommand, 'mbox');
# Service agreements, as an RT admin sets them: RT computes each ticket's Due from these (in queues with
# SLA enabled: PUT queue/General { SLADisabled: 0 }). Business hours 9-18 UTC, Monday to Friday.
Set(%ServiceAgreements, (
  Default => 'standard',
  Levels => {
    'standard' => { Response => { BusinessMinutes => 4 * 60 }, Resolve => { BusinessMinutes => 3 * 9 * 60 } },
    'urgent' => { Response => { RealMinutes => 30 }, Resolve => { RealMinutes => 4 * 60 } },
  },
));
Set(%ServiceBusinessHours, (
  'Default' => {
    1 => { Name => 'Monday', Start => '09:00', End => '18:00' },
    2 => { Name => 'Tuesday', Start => '09:00', End => '18:00' },
    3 => { Name => 'Wednesday', Start => '09:00', End => '18:00' },
    4 => { Name => 'Thursday', Start => '09:00', End => '18:00' },
    5 => { Name => 'Friday', Start => '09:00', End => '18:00' },
  },
));
1;
`;
}

function prepare(dir: string, port: number): NodeJS.ProcessEnv {
  for (const sub of ['var', 'mason_data', 'session_data', 'siteconfig.d']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'RT_SiteConfig.pm'), siteConfig(dir, port));
  writeFileSync(join(dir, 'seed.pl'), SEED_PL);
  return { ...process.env, RT_SITE_CONFIG: join(dir, 'RT_SiteConfig.pm'), RT_SITE_CONFIG_DIR: join(dir, 'siteconfig.d'), PERL5LIB: '/usr/share/request-tracker5/lib' };
}

const TEMPLATE = join(tmpdir(), 'switchboard-rt5-template.db');

/** The schema, initial data, the agent and its token: built once per machine (about 5 s), then copied. */
function template(): { db: string; token: string } {
  if (existsSync(TEMPLATE) && existsSync(`${TEMPLATE}.token`)) return { db: TEMPLATE, token: readFileSync(`${TEMPLATE}.token`, 'utf8').trim() };
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-rt-build-'));
  try {
    const env = prepare(dir, 1);
    execFileSync(SETUP, ['--action', 'init', '--skip-create'], { env, stdio: 'pipe' });
    const seed = (...args: string[]) => execFileSync('perl', [join(dir, 'seed.pl'), ...args], { env, encoding: 'utf8' }).trim();
    seed('user', 'agent', 'agent@example.test', 'Agent Smith', 'agent-pass');
    seed('user', 'maria', 'maria@example.test', 'Maria Lopez', 'maria-pass');
    const token = seed('token', 'agent');
    copyFileSync(join(dir, 'rt.db'), `${TEMPLATE}.tmp`);
    writeFileSync(`${TEMPLATE}.token`, token);
    copyFileSync(`${TEMPLATE}.tmp`, TEMPLATE);
    rmSync(`${TEMPLATE}.tmp`);
    return { db: TEMPLATE, token };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`rt-server exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`RT did not answer at ${url} within ${timeoutMs} ms`);
}

async function serve(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(RT_SERVER, ['--listen', `127.0.0.1:${port}`, '--max-workers', '2'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr = (stderr + String(d)).slice(-4000)));
  try {
    await waitForHttp(`http://127.0.0.1:${port}/REST/2.0/`, child, 30_000);
    return child;
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
}

/** SIGTERM: as root, rt-server traps SIGINT and chowns /var/lib/request-tracker5. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function startRt(): Promise<Rt> {
  const { db, token } = template();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-rt-'));
  const env = prepare(dir, port);
  copyFileSync(db, join(dir, 'rt.db'));
  let child = await serve(env, port);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    token,
    rest: async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${url}/REST/2.0/${path}`, {
        method,
        headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    seed: (...args) => execFileSync('perl', [join(dir, 'seed.pl'), ...args], { env, encoding: 'utf8' }).trim(),
    pause: () => terminate(child),
    resume: async () => {
      child = await serve(env, port);
    },
    stop: async () => {
      await terminate(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What RT recorded as the last correspondence on a ticket (its text), and the ticket's status. */
export async function lastCorrespondence(rt: Rt, id: number): Promise<{ text: string; status: string }> {
  const history = await rt.rest<{ items: Array<{ id: number; Type: string }> }>('GET', `ticket/${id}/history?fields=Type&per_page=100`);
  const last = history.items.filter((t) => t.Type === 'Correspond').at(-1);
  const { Status: status } = await rt.rest<{ Status: string }>('GET', `ticket/${id}`);
  if (!last) return { text: '', status };
  const parts = await rt.rest<{ items: Array<{ id: number }> }>('GET', `transaction/${last.id}/attachments`);
  let text = '';
  for (const part of parts.items) {
    const a = await rt.rest<{ Content?: string; ContentType: string }>('GET', `attachment/${part.id}`);
    if (a.ContentType === 'text/plain' && a.Content) text += Buffer.from(a.Content, 'base64').toString('utf8');
  }
  return { text, status };
}
