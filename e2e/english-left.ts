import type { Page } from '@playwright/test';
import { en } from '../web/i18n/en';
import { LATIN_PROPER_NOUNS } from '../web/i18n/latin-words';

/**
 * Flow 8: what English is left on a Korean or Japanese page. Looks at the visible text,
 * the accessible names (aria-label, aria-valuetext, alt, title, SVG titles) and the
 * document title, skipping only what the page marks `translate="no"` (people's e-mail
 * addresses, reference ids). Returns one line per English catalogue phrase or Latin word
 * found, so an empty list means fully translated.
 */

/** Names that stay in Latin letters, and the language picker's own "English". */
const PROPER_NOUNS = new Set([...LATIN_PROPER_NOUNS, 'English']);

export async function englishLeftOnScreen(
  page: Page,
  /** People's names, which stay as written (e.g. "Alex Admin" in "Signed in as"). */
  names: readonly string[] = [],
): Promise<string[]> {
  const allowed = new Set([...PROPER_NOUNS, ...names.flatMap((name) => name.split(/\s+/))]);
  const texts = await page.evaluate(collectTexts);
  const findings = new Set<string>();
  for (const value of Object.values(en)) {
    for (const part of value.split(/\{\w+\}/)) {
      const phrase = part.trim();
      const words = phrase.match(/[A-Za-z]+/g) ?? [];
      if (words.every((word) => allowed.has(word))) continue;
      const pattern = new RegExp(`(^|[^A-Za-z])${escapeRegExp(phrase)}([^A-Za-z]|$)`);
      const hit = texts.find((text) => pattern.test(text));
      if (hit) findings.add(`English phrase "${phrase}" in "${hit}"`);
    }
  }
  for (const text of texts) {
    for (const word of text.match(/[A-Za-z][A-Za-z'’]*/g) ?? []) {
      if (!allowed.has(word)) findings.add(`Latin word "${word}" in "${text}"`);
    }
  }
  return [...findings];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs in the page. */
function collectTexts(): string[] {
  const texts = [document.title];
  const skipped = (element: Element) =>
    element.closest('[translate="no"], script, style, template, noscript') !== null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.trim();
    if (!parent || !text || skipped(parent)) continue;
    const svgName = parent.closest('svg title, svg desc') !== null;
    if (svgName || parent.checkVisibility({ visibilityProperty: true })) texts.push(text);
  }
  for (const element of document.body.querySelectorAll('*')) {
    if (skipped(element) || !element.checkVisibility({ visibilityProperty: true })) continue;
    for (const name of ['aria-label', 'aria-valuetext', 'alt', 'title', 'placeholder']) {
      const value = element.getAttribute(name)?.trim();
      if (value) texts.push(value);
    }
  }
  return texts;
}
