import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { en } from '../i18n/en';
import { createI18n, I18nContext, type Lang } from '../i18n/i18n';
import { LATIN_PROPER_NOUNS } from '../i18n/latin-words';

export function renderIn(lang: Lang, ui: ComponentChildren) {
  return render(<I18nContext.Provider value={createI18n(lang)}>{ui}</I18nContext.Provider>);
}

/** Text a reader of the page's language sees, without parts marked lang="en", translate="no" or code (server details, ids). */
export function readableText(root: Element): string {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('[lang="en"], [translate="no"], code'))
      parts.push(node.textContent ?? '');
  }
  return parts.join(' ');
}

/** Product and platform names stay in Latin script in every language; AM/PM comes from Intl. */
const allowedLatin = new Set([...LATIN_PROPER_NOUNS, 'AM', 'PM']);

/** English left in a Korean or Japanese page: catalogue phrases and stray Latin words. */
export function englishIn(text: string): string[] {
  const phrases = Object.values(en)
    .flatMap((value) => value.split(/\{\w+\}/))
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.length >= 4 && /[a-z]{3}/i.test(chunk) && !allowedLatin.has(chunk));
  const found = phrases.filter((phrase) => text.includes(phrase));
  const words = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowedLatin.has(word));
  return [...new Set([...found, ...words])];
}
