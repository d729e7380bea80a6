/**
 * English and Russian, following the OS language (navigator.language reflects it in Electron and in the
 * browser) unless the agent picked one in Settings.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ru } from './ru';

export const languages = ['en', 'ru'] as const;
export type Language = (typeof languages)[number];
/** Each language by its own name, as the language menus list it. */
export const languageNames: Record<Language, string> = { en: 'English', ru: 'Русский' };
const STORAGE_KEY = 'switchboard.language';

export function systemLanguage(): Language {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ru' || base === 'en') return base;
  }
  return 'en';
}

/** The agent's choice, or null to follow the system. */
export function chosenLanguage(): Language | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'ru' ? stored : null;
}

export function setLanguage(choice: Language | null): void {
  if (choice) localStorage.setItem(STORAGE_KEY, choice);
  else localStorage.removeItem(STORAGE_KEY);
  void i18n.changeLanguage(choice ?? systemLanguage());
}

export function initI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: chosenLanguage() ?? systemLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
  });
  i18n.on('languageChanged', (lng) => document.documentElement.setAttribute('lang', lng));
  document.documentElement.setAttribute('lang', i18n.language);
  return i18n;
}
