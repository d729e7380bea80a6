/**
 * External links leave the app only as https: or mailto:, whatever process opens them — and as the URL
 * parser reads them, re-serialized: what is handed to the system is exactly what was checked. A string
 * the parser would first have to repair (a backslash for a slash, spaces or control characters around it)
 * is refused rather than guessed at, and a mailto: keeps only a subject, a body and a copy (no `attach=`).
 */

const MAILTO_PARAMS = new Set(['subject', 'body', 'cc']);
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const NEEDS_REPAIR = /[\\\u0000-\u001f\u007f]|^\s|\s$/;

function mailto(url: URL, raw: string): string | null {
  // The addresses: there, and without spaces (an address never has one; "mailto: ?" is no link).
  if (!url.pathname || /\s/.test(url.pathname)) return null;
  const query = raw.includes('?') ? raw.slice(raw.indexOf('?') + 1).replace(/#.*$/, '') : '';
  const kept: string[] = [];
  for (const pair of query.split('&').filter(Boolean)) {
    const at = pair.indexOf('=');
    const name = (at < 0 ? pair : pair.slice(0, at)).toLowerCase();
    if (!MAILTO_PARAMS.has(name)) continue;
    try {
      // RFC 6068: "+" is a plus, not a space; values are percent-encoded again as they go out.
      kept.push(`${name}=${encodeURIComponent(decodeURIComponent(at < 0 ? '' : pair.slice(at + 1)))}`);
    } catch {
      return null; // broken percent-encoding
    }
  }
  return `mailto:${url.pathname}${kept.length ? `?${kept.join('&')}` : ''}`;
}

/** The URL to hand to the system, re-serialized; null when it may not leave the app. */
export function safeExternalUrl(raw: string): string | null {
  if (NEEDS_REPAIR.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return mailto(url, raw);
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return null;
  return url.href;
}

export const isSafeExternalUrl = (raw: string): boolean => safeExternalUrl(raw) !== null;
