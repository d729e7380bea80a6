/** A field main refused, in the add-account form's own words (not "settings.smtp.host: Too small…"). */
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { explainRefusal } from '../../../../renderer/features/settings/account-form';
import { initI18n } from '../../../../renderer/i18n';

initI18n();

describe('a refused account form', () => {
  it('names the field as the form labels it, in the agent’s language', async () => {
    await i18n.changeLanguage('en');
    expect(explainRefusal('Invalid request to addAccount: settings.smtp.host: Too small: expected string to have >=1 characters', i18n.t)).toBe('Check “Outgoing mail (SMTP) → Server”: it is empty or not valid.');
    await i18n.changeLanguage('ru');
    expect(explainRefusal('Invalid request to testAccount: settings.email: Invalid email address', i18n.t)).toMatch(/^Проверьте поле «Адрес эл/);
    await i18n.changeLanguage('en');
  });

  it('leaves any other error as it came', () => {
    expect(explainRefusal('The mail server refused the password for a@b.c.', i18n.t)).toBe('The mail server refused the password for a@b.c.');
  });
});
