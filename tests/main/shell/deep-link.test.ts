import { describe, expect, it } from 'vitest';
import { deepLinkInArgs, parseDeepLink } from '../../../main/shell/deep-link';
import { clampToDisplays } from '../../../main/shell/window-state';

describe('switchboard:// links', () => {
  it('opens a ticket by its id', () => {
    expect(parseDeepLink('switchboard://ticket/demo:1042')).toEqual({ ticketId: 'demo:1042' });
    expect(parseDeepLink('switchboard://ticket/imap%3Aagent%40example.test%3Aq1%40x')).toEqual({ ticketId: 'imap:agent@example.test:q1@x' });
  });
  it.each([
    'https://ticket/1',
    'switchboard://settings/1',
    'switchboard://ticket/',
    'switchboard://ticket/1/delete',
    'switchboard://ticket/%E0%A4%A',
    'switchboard://ticket/<script>',
    'not a link',
  ])('opens nothing for %s', (link) => {
    expect(parseDeepLink(link)).toHaveProperty('error');
  });
  it('finds the link among the launch arguments', () => {
    expect(deepLinkInArgs(['/opt/Switchboard/switchboard', '--no-sandbox', 'switchboard://ticket/7'])).toBe('switchboard://ticket/7');
    expect(deepLinkInArgs(['/opt/Switchboard/switchboard'])).toBeNull();
  });
});

describe('window bounds', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 900 };
  const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };
  it('keeps a window that fits where it was', () => {
    expect(clampToDisplays({ x: 1600, y: 100, width: 1200, height: 800 }, [laptop, monitor])).toEqual({ x: 1600, y: 100, width: 1200, height: 800 });
  });
  it('brings a window from an unplugged monitor back onto the remaining display', () => {
    expect(clampToDisplays({ x: 2000, y: 100, width: 1200, height: 800 }, [laptop])).toEqual({ x: 240, y: 100, width: 1200, height: 800 });
  });
  it('shrinks a window larger than the display, and never below the minimum size', () => {
    expect(clampToDisplays({ x: -50, y: -50, width: 3000, height: 2000 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 900 });
    expect(clampToDisplays({ x: 10, y: 10, width: 100, height: 100 }, [laptop])).toEqual({ x: 10, y: 10, width: 720, height: 480 });
  });
});
