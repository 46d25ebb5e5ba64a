import { describe, expect, it } from 'vitest';
import { englishIn } from '../testing/render';
import { en } from './en';
import { catalogues, createI18n, languages, pickLanguage } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it.each(languages)('%s has every English key and the same placeholders', (lang) => {
    const catalogue = catalogues[lang];
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(catalogue[key], key).not.toBe('');
      expect(placeholders(catalogue[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it.each(['ko', 'ja'] as const)('%s leaves no English phrase untranslated', (lang) => {
    for (const [key, value] of Object.entries(catalogues[lang])) {
      expect(englishIn(value.replace(/\{\w+\}/g, '')), `${lang}.${key}`).toEqual([]);
    }
  });
});

describe('pickLanguage', () => {
  it('prefers the remembered choice', () => {
    expect(pickLanguage(['en-US'], 'ja')).toBe('ja');
  });

  it('takes the first supported browser language, by its base tag', () => {
    expect(pickLanguage(['fr-FR', 'ko-KR', 'en'], null)).toBe('ko');
  });

  it('ignores a remembered value it does not know and falls back to English', () => {
    expect(pickLanguage(['de'], 'xx')).toBe('en');
  });
});

describe('createI18n', () => {
  it('fills placeholders and picks plural forms by the language rules', () => {
    expect(createI18n('en').plural('connected', 1)).toBe('1 person connected');
    expect(createI18n('en').plural('connected', 3)).toBe('3 people connected');
    expect(createI18n('ko').plural('connected', 3)).toBe('3명 연결됨');
    expect(createI18n('ja').t('idleRule', { minutes: 30 })).toContain('30 分');
  });
});
