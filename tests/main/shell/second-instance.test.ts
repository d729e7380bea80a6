import { describe, expect, it, vi } from 'vitest';
import { handOver, openUrl } from '../../../main/shell/second-instance';
import { mailtoSearch } from '../../../main/shell/deep-link';

const target = () => ({ showWindow: vi.fn(), openTicket: vi.fn(), search: vi.fn() });

describe('a second launch hands over to the first instance', () => {
  it('opens the ticket a switchboard:// link names, and brings the window forward', () => {
    const t = target();
    handOver(['/opt/Switchboard/switchboard', '--no-sandbox', 'switchboard://ticket/rt%3A42'], t, false);
    expect(t.showWindow).toHaveBeenCalled();
    expect(t.openTicket).toHaveBeenCalledWith('rt:42');
  });

  it('opens nothing for a foreign or malformed link: the inbox says the link points to no ticket', () => {
    for (const link of ['switchboard://settings/1', 'switchboard://ticket/', 'switchboard://ticket/a/b', 'switchboard://ticket/%E0%A4%A']) {
      const t = target();
      handOver(['app', link], t, false);
      expect(t.openTicket).toHaveBeenCalledWith(null);
    }
  });

  it('only brings the window forward when launched again without a link', () => {
    const t = target();
    handOver(['app', '--hidden'], t, true);
    expect(t.showWindow).toHaveBeenCalledTimes(1);
    expect(t.openTicket).not.toHaveBeenCalled();
    expect(t.search).not.toHaveBeenCalled();
  });

  it('turns a mailto: link into a search of the customer’s history, only when the agent opted in', () => {
    const off = target();
    handOver(['app', 'mailto:Anna@Example.com?subject=Hi'], off, false);
    expect(off.search).not.toHaveBeenCalled();
    const on = target();
    openUrl('mailto:Anna@Example.com?subject=Hi', on, true);
    expect(on.search).toHaveBeenCalledWith('from:anna@example.com');
  });

  it('ignores malformed mailto: links', () => {
    expect(mailtoSearch('mailto:')).toBeNull();
    expect(mailtoSearch('mailto:not-an-address')).toBeNull();
    expect(mailtoSearch('mailto:a@b.c%20OR%20x')).toBeNull();
    expect(mailtoSearch('https://example.com')).toBeNull();
    expect(mailtoSearch('mailto:a@example.com,b@example.com')).toBe('from:a@example.com');
  });
});
