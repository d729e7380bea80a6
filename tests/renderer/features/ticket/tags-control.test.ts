/** The tags field in real Chromium: Enter saves the change once (Enter saves, and the blur it causes must not save again). */
import { createElement } from 'react';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { TagsControl } from '../../../../renderer/features/ticket/TagsControl';
import { initI18n } from '../../../../renderer/i18n';

initI18n();

describe('the tags field', () => {
  it('sends a change once when the agent presses Enter, and again only for a new value', async () => {
    const saved: string[][] = [];
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    await act(async () => root.render(createElement(TagsControl, { tags: ['billing'], onChange: async (tags: string[]) => void saved.push(tags) })));
    const input = host.querySelector('input')!;
    await act(() => userEvent.click(input));
    await act(() => userEvent.keyboard('{End}, refund{Enter}'));
    expect(saved).toEqual([['billing', 'refund']]);
    await act(() => userEvent.click(input)); // focus and leave again with the same text: nothing new to send
    await act(() => userEvent.click(document.body));
    expect(saved).toHaveLength(1);
    await act(() => userEvent.click(input));
    await act(() => userEvent.keyboard(', urgent{Enter}'));
    expect(saved).toEqual([['billing', 'refund'], ['billing', 'refund', 'urgent']]);
    await act(async () => root.unmount());
  });
});
