/**
 * An email's HTML in a sandboxed iframe: sanitized (sanitize.ts), no scripts (the sandbox has no
 * allow-scripts), its own CSP, remote content held back until the agent allows it for this message or
 * always for this sender; the message's own images (`cid:`) show at once. Links show their real target
 * and open outside the app (https and mailto only).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeExternalUrl } from '../../../shared/links';
import { api } from '../../api';
import { db } from '../../db/schema';
import { remoteSenders, trustSender } from '../../db/remote-content';
import type { InlinePart, MailLocation } from '../../../shared/domain';
import { inlineImages } from './inline-images';
import { sanitizeEmail } from './sanitize';

async function openOutside(url: string): Promise<boolean> {
  const safe = safeExternalUrl(url);
  if (!safe) return false;
  const { opened } = await api().openExternal({ url: safe });
  // Browser mode has no shell to hand links to: a new tab, with no way back to this page.
  if (!opened) window.open(safe, '_blank', 'noopener,noreferrer');
  return true;
}

/** The link an event happened in: any element that carries one (a, area, SVG's a with href or xlink:href). */
function linkAt(target: EventTarget | null): string | null {
  // Duck-typed: the frame's elements belong to its own window, not to this one's Element.
  for (let el = target as Element | null; el && typeof el.getAttribute === 'function'; el = el.parentElement) {
    const href = el.getAttribute('href') ?? el.getAttribute('xlink:href');
    if (href !== null && el.tagName.toLowerCase() !== 'image') return href;
  }
  return null;
}

const NONE: InlinePart[] = [];

/** `where`: the message's server copy now, which its embedded images are fetched from. */
export function MessageHtml({ html, sender, accountId, inline = NONE, where }: { html: string; sender: string; accountId: string; inline?: InlinePart[]; where?: MailLocation }) {
  const { t } = useTranslation();
  const trusted = useLiveQuery(async () => (await remoteSenders(db)).includes(sender.toLowerCase()), [sender]);
  const [allowedHere, setAllowedHere] = useState(false);
  const allow = allowedHere || trusted === true;
  const [images, setImages] = useState<Record<string, string>>({});
  const [folder, uidValidity, uid] = [where?.folder, where?.uidValidity, where?.uid];
  useEffect(() => {
    let current = true;
    const copy = folder !== undefined && uidValidity !== undefined && uid !== undefined ? { folder, uidValidity, uid } : undefined;
    if (inline.length > 0) void inlineImages(accountId, inline, copy).then((found) => current && setImages(found));
    return () => {
      current = false;
    };
  }, [accountId, inline, folder, uidValidity, uid]); // by value: a live query hands over new objects
  const safe = useMemo(() => sanitizeEmail(html, allow, images), [html, allow, images]);
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(80);
  const [hover, setHover] = useState<{ url: string; refused: boolean } | null>(null);

  useEffect(() => {
    const iframe = frame.current;
    if (!iframe) return;
    let observer: ResizeObserver | null = null;
    const onLoad = () => {
      const doc = iframe.contentDocument;
      if (!doc) return;
      const fit = () => setHeight(Math.min(Math.max(doc.documentElement.scrollHeight, 40), 4000));
      fit();
      observer = new ResizeObserver(fit);
      observer.observe(doc.body);
      doc.addEventListener('click', (event) => {
        const url = linkAt(event.target);
        if (url === null) return;
        event.preventDefault();
        void openOutside(url).then((ok) => setHover({ url, refused: !ok }));
      });
      doc.addEventListener('mouseover', (event) => {
        const url = linkAt(event.target);
        setHover(url !== null ? { url, refused: false } : null);
      });
    };
    iframe.addEventListener('load', onLoad);
    return () => {
      iframe.removeEventListener('load', onLoad);
      observer?.disconnect();
    };
  }, [safe]);

  return (
    <div className="message-html">
      {safe.blocked > 0 && !allow && (
        <p className="remote-blocked" role="note">
          {t('html.blocked', { count: safe.blocked })}{' '}
          <button type="button" className="link" onClick={() => setAllowedHere(true)}>
            {t('html.showOnce')}
          </button>{' '}
          {sender && (
            <button type="button" className="link" onClick={() => void trustSender(db, sender)}>
              {t('html.trustSender', { sender })}
            </button>
          )}
        </p>
      )}
      <iframe ref={frame} title={t('html.frame')} sandbox="allow-same-origin" srcDoc={safe.document} style={{ height }} referrerPolicy="no-referrer" />
      {hover && (
        <p className="link-target" aria-live="polite">
          {hover.refused ? t('html.refused', { url: hover.url }) : `→ ${hover.url}`}
        </p>
      )}
    </div>
  );
}
