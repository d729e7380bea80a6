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

const HANDLER = /(<[a-z][^>]*?)\s+on[a-z-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;

/**
 * Taken out of the text before it is parsed at all: what the app's own policy refuses even in a document
 * that is only parsed (Chrome checks inline handlers, <base> and @import there and logs each refusal).
 * Not the safety net — DOMPurify removes all of it and more afterwards — but a quiet console.
 * Returns how many remote style sheets (@import) were dropped.
 */
function preScrub(html: string): { html: string; imports: number } {
  let imports = 0;
  let out = html.replace(/<base\b[^>]*>/gi, '').replace(/<link\b[^>]*>/gi, '').replace(CSS_IMPORT, () => (imports++, ''));
  for (let i = 0; i < 20 && HANDLER.test(out); i++) out = out.replace(HANDLER, '$1');
  return { html: out, imports };
}

const IMAGE_DATA = /^\s*data:image\/(png|gif|jpe?g|webp)[;,]/i;

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
  const scrubbed = preScrub(html);
  // A remote style sheet never loads (the frame's policy has no remote styles): counted while remote content waits.
  let blocked = allowRemote ? 0 : scrubbed.imports;
  // In CSS: inline images stay; remote ones wait for the agent; anything else (relative, javascript:) goes,
  // so the frame's policy never has to refuse it.
  const cssOf = (css: string) =>
    css.replace(CSS_IMPORT, () => (allowRemote ? '' : (blocked++, ''))).replace(CSS_URL, (whole: string, _q: string, url: string) => {
      if (IMAGE_DATA.test(url)) return whole;
      const cid = contentIdOf(url);
      if (cid !== null) return inline[cid] ? `url("${inline[cid]}")` : 'none';
      if (REMOTE.test(url)) return allowRemote ? whole : (blocked++, 'none');
      return 'none';
    });
  /** A URL the frame may load as it is: inline data, or remote once allowed (a cid: is resolved apart). */
  const loadable = (url: string) => IMAGE_DATA.test(url) || /^\s*blob:/i.test(url) || (allowRemote && REMOTE.test(url));
  const purify = DOMPurify();
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) node.textContent = cssOf(node.textContent);
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    // Media never plays here (the frame's policy has no media): their sources go.
    if (['VIDEO', 'AUDIO', 'SOURCE', 'TRACK'].includes(el.tagName)) el.removeAttribute('src');
    for (const attr of ['src', 'srcset', 'background', 'poster', 'href', 'xlink:href']) {
      const value = el.getAttribute(attr);
      if (!value || ((attr === 'href' || attr === 'xlink:href') && el.tagName.toLowerCase() !== 'image')) continue;
      const cid = attr === 'src' ? contentIdOf(value) : null;
      if (cid !== null && inline[cid]) el.setAttribute('src', inline[cid]);
      else if (cid !== null) el.removeAttribute(attr); // the part is not at hand (yet): nothing to show
      else if (attr === 'srcset' ? !value.split(',').every((c) => loadable(c.trim())) : !loadable(value)) {
        el.removeAttribute(attr);
        if (!allowRemote && (REMOTE.test(value) || /https?:/i.test(value))) {
          el.setAttribute('data-blocked', attr);
          blocked++;
        }
      }
    }
    const style = el.getAttribute('style');
    if (style) el.setAttribute('style', cssOf(style));
    // Every element that carries a link is one: HTML's a and area, SVG's a (href or the older xlink:href).
    if (['a', 'area'].includes(el.tagName.toLowerCase())) {
      const href = el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? '';
      el.removeAttribute('xlink:href');
      if (href) {
        el.setAttribute('href', href);
        el.setAttribute('title', href); // the real target, whatever the text says
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    }
  });
  // Style sheets in the head are the message's layout: kept, in front of the body (DOMParser runs nothing).
  const parsed = new DOMParser().parseFromString(scrubbed.html, 'text/html');
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
