/** The Dovecot-based journeys run where Dovecot is installed (Linux CI); elsewhere they say why they are skipped. */
import { execFileSync } from 'node:child_process';

export function dovecotAvailable(): boolean {
  try {
    execFileSync('dovecot', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
