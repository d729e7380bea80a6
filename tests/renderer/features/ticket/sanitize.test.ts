/**
 * Hostile email HTML (tests/fixtures/mail/hostile) after sanitizing, and rendered the way the app renders
 * it — in a sandboxed iframe, in real Chromium: no script runs, nothing is submitted, nothing remote is in
 * the document until the agent allows it.
 */
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { policy, sanitizeEmail } from '../../../../renderer/features/ticket/sanitize';
import scripts from '../../../fixtures/mail/hostile/scripts.html?raw';
import remoteTemplate from '../../../fixtures/mail/hostile/remote.html?raw';
import links from '../../../fixtures/mail/hostile/links.html?raw';

const REMOTE = 'http://127.0.0.1:9'; // the discard port: nothing answers there
const remote = remoteTemplate.replaceAll('{{REMOTE}}', REMOTE);

declare global {
  interface Window {
    __pwned?: string;
  }
}

async function render(document: string): Promise<HTMLIFrameElement> {
  const frame = window.document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = document;
  window.document.body.append(frame);
  await loaded;
  return frame;
}

describe('hostile email HTML', () => {
  it('keeps the text and real link targets, and drops every way to run script or submit', async () => {
    const { document } = sanitizeEmail(scripts, false);
    const body = new DOMParser().parseFromString(document, 'text/html').body;
    expect(body.textContent).toContain('Hello, please check your invoice.');
    expect(body.querySelectorAll('script, iframe, object, embed, form, input, button, base, meta')).toHaveLength(0);
    const attributes = [...body.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
    expect(attributes.filter((a) => /^on/i.test(a) || /javascript:/i.test(a))).toEqual([]);
    const fake = [...body.querySelectorAll('a')].find((a) => a.textContent === 'https://paypal.example/secure')!;
    expect(fake.getAttribute('title')).toBe('https://bank.example.com/login'); // the target, not what the text claims
    expect(fake.getAttribute('rel')).toBe('noopener noreferrer');

    const frame = await render(document);
    frame.contentDocument!.querySelector('div')?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    (frame.contentDocument!.querySelector('details') as HTMLDetailsElement | null)?.toggleAttribute('open');
    await new Promise((r) => setTimeout(r, 100));
    expect(window.__pwned).toBeUndefined();
    expect(window.document.title).not.toBe('pwned');
  });

  it('holds back every remote image, background, font and style sheet until allowed', () => {
    const blocked = sanitizeEmail(remote, false);
    expect(blocked.document).not.toContain(REMOTE);
    expect(blocked.blocked).toBe(8); // @import, background, font, img, srcset, table, cell, poster (the <link> is dropped)
    expect(blocked.document).toContain('Your order has shipped.');
    expect(blocked.document).toContain(`content="${policy(false)}"`);
    expect(policy(false)).not.toMatch(/https?:/);

    const allowed = sanitizeEmail(remote, true);
    expect(allowed.blocked).toBe(0);
    expect(allowed.document).toContain(`${REMOTE}/pixel.gif?u=agent`);
    expect(allowed.document).toContain(`${REMOTE}/font.woff2`);
    expect(allowed.document).not.toContain('link.css'); // <link> never: a style sheet could carry anything
  });

  it("shows the message's own images in place of their cid: links, and only those", async () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
    const html = '<p><img id="a" src="cid:shot@x" alt="shot"><img id="b" src="cid:logo%40x"><img id="c" src="cid:missing@x"><a id="d" href="cid:shot@x">part</a></p>';
    const safe = sanitizeEmail(html, false, { 'shot@x': png, 'logo@x': png });
    expect(safe.blocked).toBe(0);
    const doc = (await render(safe.document)).contentDocument!;
    expect(doc.getElementById('a')!.getAttribute('src')).toBe(png);
    expect(doc.getElementById('b')!.getAttribute('src')).toBe(png); // a URL-encoded Content-ID
    expect(doc.getElementById('c')!.hasAttribute('src')).toBe(false); // not at hand: nothing for the frame to refuse
    expect(doc.getElementById('d')!.getAttribute('href')).toBe('cid:shot@x'); // only images are replaced
    const img = doc.getElementById('a') as HTMLImageElement;
    await img.decode(); // the frame's own policy lets the data URL in
    expect(img.naturalWidth).toBe(1);
  });

  it('leaves nothing the frame’s own policy would refuse: relative, media and unresolved sources, handlers, <base>, @import', () => {
    const html = '<base href="https://evil.example/"><style>@import url(https://evil.example/a.css); p { background: url(rel.png) }</style><p onclick="x()" onmouseover=\'y()\'>hi</p><img src="x" onerror="alert(1)"><video src="clip.mp4" poster="https://evil.example/p.png"></video><img srcset="a.png 1x, https://evil.example/b.png 2x">';
    const safe = sanitizeEmail(html, false);
    expect(safe.document).not.toMatch(/onclick|onerror|onmouseover|<base|@import|rel\.png|src="x"|clip\.mp4| srcset=/);
    expect(safe.blocked).toBe(3); // the remote sheet, the poster, the remote image in srcset
  });

  it('treats every element that carries a link like a[href]: area and SVG links show their target and open outside the frame', () => {
    const { document } = sanitizeEmail(links, false);
    const body = new DOMParser().parseFromString(document, 'text/html').body;
    const linked = [...body.querySelectorAll('*')].filter((el) => el.hasAttribute('href') || el.hasAttribute('xlink:href'));
    expect(linked.map((el) => el.tagName.toLowerCase()).sort()).toEqual(['a', 'a', 'a', 'a', 'a', 'area']);
    for (const el of linked) {
      expect(el.hasAttribute('xlink:href')).toBe(false); // one attribute for every link: href
      expect(el.getAttribute('title')).toBe(el.getAttribute('href'));
      expect(el.getAttribute('target')).toBe('_blank');
    }
    expect(body.querySelector('area')!.getAttribute('href')).toBe('https://area.example/claim');
    expect(body.querySelector('svg a')!.getAttribute('href')).toBe('https://svg.example/old');
  });
});
