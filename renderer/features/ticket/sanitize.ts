/**
 * Email HTML made safe to show: DOMPurify removes scripts, event handlers, forms, frames, objects and
 * `javascript:` links; what is left goes into a sandboxed iframe with its own CSP (MessageHtml.tsx).
 * Remote content (images, backgrounds, fonts, style sheets) is held back until the agent allows it for the
 * message or the sender: its URLs are taken out and counted, so nothing is fetched and the sender learns
 * nothing (tracking pixels). Links keep their real target, shown on hover and opened outside the app.
 */
import DOMPurify from 'dompurify';

export interface SafeEmail {
  /** A whole document for the iframe's srcdoc, with its CSP. */
  document: string;
  /** How many remote resources were held back. */
  blocked: number;
}

const REMOTE = /^\s*(https?:)?\/\//i;
const CSS_URL = /url\(\s*(['"]?)([^'")]*)\1\s*\)/gi;
const CSS_IMPORT = /@import\s+[^;]+;?/gi;

/** The iframe document's own policy: nothing runs; images and fonts only inline, or remote once allowed. */
export function policy(allowRemote: boolean): string {
  const remote = allowRemote ? ' https: http:' : '';
  return `default-src 'none'; img-src data: blob:${remote}; style-src 'unsafe-inline'; font-src data:${remote}; form-action 'none'; base-uri 'none'`;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** `cid:foo%40bar` → `foo@bar` (RFC 2392 allows URL-encoding); null for anything else. */
function contentIdOf(url: string): string | null {
  const match = /^\s*cid:(.+)$/i.exec(url);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!.trim());
  } catch {
    return match[1]!.trim();
  }
}

/**
 * `inline`: data URLs of the message's own images by Content-ID (inline-images.ts), put in place of their
 * `cid:` links; a link to a part not (yet) at hand stays as it is and shows nothing.
 */
export function sanitizeEmail(html: string, allowRemote: boolean, inline: Readonly<Record<string, string>> = {}): SafeEmail {
  let blocked = 0;
  // In CSS: inline images stay; remote ones wait for the agent; any other scheme (javascript:) goes.
  const cssOf = (css: string) =>
    (allowRemote ? css : css.replace(CSS_IMPORT, () => (blocked++, ''))).replace(CSS_URL, (whole: string, _q: string, url: string) => {
      if (/^\s*(data:image\/|cid:)/i.test(url)) return whole;
      if (REMOTE.test(url)) return allowRemote ? whole : (blocked++, 'none');
      return 'none';
    });
  const purify = DOMPurify();
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) node.textContent = cssOf(node.textContent);
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    for (const attr of ['src', 'srcset', 'background', 'poster']) {
      const value = el.getAttribute(attr);
      if (value && !allowRemote && (REMOTE.test(value) || (attr === 'srcset' && /https?:/i.test(value)))) {
        el.removeAttribute(attr);
        el.setAttribute('data-blocked', attr);
        blocked++;
      }
    }
    const cid = el.tagName === 'IMG' ? contentIdOf(el.getAttribute('src') ?? '') : null;
    if (cid !== null && inline[cid]) el.setAttribute('src', inline[cid]);
    const style = el.getAttribute('style');
    if (style) el.setAttribute('style', cssOf(style));
    if (el.tagName === 'A') {
      const href = el.getAttribute('href') ?? '';
      if (href) {
        el.setAttribute('title', href); // the real target, whatever the text says
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    }
  });
  // Style sheets in the head are the message's layout: kept, in front of the body (DOMParser runs nothing).
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const input = [...parsed.head.querySelectorAll('style')].map((s) => s.outerHTML).join('') + parsed.body.innerHTML;
  const body = purify.sanitize(input, {
    FORCE_BODY: true,
    FORBID_TAGS: ['form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'script', 'noscript', 'template'],
    FORBID_ATTR: ['action', 'formaction', 'ping'],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['target'],
    // Only links the agent can follow safely; cid: (inline parts) and data: images stay.
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel|cid):|data:image\/(?:png|gif|jpe?g|webp);|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  });
  const head = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeAttr(policy(allowRemote))}"><meta name="referrer" content="no-referrer">`;
  const base = '<style>html{color-scheme:light;}body{margin:0;font:14px system-ui,"DejaVu Sans",sans-serif;overflow-wrap:anywhere;background:#fff;color:#1d2330}img{max-width:100%;height:auto}[data-blocked]{outline:1px dashed #999}</style>';
  return { document: `<!doctype html><html><head>${head}${base}</head><body>${body}</body></html>`, blocked };
}
