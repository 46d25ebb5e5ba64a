import { type Lang, languageNames, languages, useI18n } from '../i18n/i18n';

/** Three buttons rather than a select: one tap on a touch screen, and each shows its own script. */
export function LanguagePicker({ onChoose }: { onChoose: (lang: Lang) => void }) {
  const { t, lang: current } = useI18n();
  return (
    <fieldset class="language-picker">
      <legend class="visually-hidden">{t('language')}</legend>
      {languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          class="chip"
          aria-pressed={lang === current}
          onClick={() => onChoose(lang)}
        >
          {languageNames[lang]}
        </button>
      ))}
    </fieldset>
  );
}
