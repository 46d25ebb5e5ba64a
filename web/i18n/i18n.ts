import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Catalogue, en, type MessageKey } from './en';
import { ja } from './ja';
import { ko } from './ko';

export const languages = ['ko', 'ja', 'en'] as const;
export type Lang = (typeof languages)[number];

export const catalogues: Record<Lang, Catalogue> = { en, ko, ja };

/** Each language named in itself, so a reader finds theirs whatever is showing. */
export const languageNames: Record<Lang, string> = { ko: '한국어', ja: '日本語', en: 'English' };

const storageKey = 'vpn-portal.lang';

function isLang(value: string | null | undefined): value is Lang {
  return (languages as readonly (string | null | undefined)[]).includes(value);
}

/** The remembered choice first, then the browser's preferences (`ko-KR` counts as `ko`). */
export function pickLanguage(preferred: readonly string[], remembered: string | null): Lang {
  if (isLang(remembered)) return remembered;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null; // storage can be off in private browsing; the browser language still works
  }
}

export function rememberLanguage(lang: Lang): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Not remembering is fine: the choice still applies to this visit.
  }
}

export type Params = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  t(key: MessageKey, params?: Params): string;
  /** `<base>None` for zero, else `<base>One` or `<base>Other` by the language's plural rules. */
  plural(base: 'connected' | 'othersUsing', count: number, params?: Params): string;
}

export function createI18n(lang: Lang): I18n {
  const catalogue = catalogues[lang];
  const rules = new Intl.PluralRules(lang);
  const t = (key: MessageKey, params: Params = {}): string =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  return {
    lang,
    t,
    plural: (base, count, params = {}) => {
      const form = count === 0 ? 'None' : rules.select(count) === 'one' ? 'One' : 'Other';
      return t(`${base}${form}`, { count, ...params });
    },
  };
}

export const I18nContext = createContext<I18n>(createI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
