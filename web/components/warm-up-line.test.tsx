import { cleanup } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { WarmUpNext } from '../../app/http/api-types';
import { type Lang, languages } from '../i18n/i18n';
import { serverNow, warmUpNext } from '../testing/fixtures';
import { englishIn, readableText, renderIn } from '../testing/render';
import { WarmUpLine } from './warm-up-line';

afterEach(cleanup);

const now = Date.parse(serverNow); // Monday 18:00 in Seoul

function lineIn(lang: Lang, warmUp: WarmUpNext, viewerZone = 'Asia/Seoul'): string {
  const view = renderIn(lang, <WarmUpLine warmUp={warmUp} now={now} viewerZone={viewerZone} />);
  return readableText(view.container).replace(/\s+/g, ' ').trim();
}

const patterns: Record<WarmUpNext['dayPattern'], Partial<WarmUpNext>> = {
  weekdays: {},
  weekends: { days: ['sat', 'sun'], dayPattern: 'weekends', nextAt: '2026-12-04T23:40:00.000Z' },
  'every-day': {
    days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    dayPattern: 'every-day',
  },
  'some-days': { days: ['mon', 'wed', 'fri'], dayPattern: 'some-days' },
};

/** What each language must say for each pattern (time and weekday names come from Intl). */
const expected: Record<Lang, Record<WarmUpNext['dayPattern'], RegExp>> = {
  en: {
    weekdays: /^The VPN turns on at 8:40\sAM on weekdays/,
    weekends: /^The VPN turns on at 8:40\sAM on weekends/,
    'every-day': /^The VPN turns on at 8:40\sAM every day/,
    'some-days': /^The VPN turns on at 8:40\sAM on Monday, Wednesday, and Friday/,
  },
  ko: {
    weekdays: /^평일 .*8:40에 VPN이 자동으로 켜집니다/,
    weekends: /^주말 .*8:40에 VPN이 자동으로 켜집니다/,
    'every-day': /^매일 .*8:40에 VPN이 자동으로 켜집니다/,
    'some-days': /^월요일, 수요일 및 금요일 .*8:40에 VPN이/,
  },
  ja: {
    weekdays: /^平日は 8:40 に VPN が自動でオンになります/,
    weekends: /^土日は 8:40 に VPN が自動でオンになります/,
    'every-day': /^毎日 8:40 に VPN が自動でオンになります/,
    'some-days': /^月曜日、水曜日、金曜日の 8:40 に VPN が/,
  },
};

describe.each(languages)('warm-up line in %s', (lang) => {
  it.each(Object.keys(patterns) as WarmUpNext['dayPattern'][])(
    'words the %s pattern in the reader’s language',
    (pattern) => {
      const text = lineIn(lang, warmUpNext(patterns[pattern]));
      expect(text).toMatch(expected[lang][pattern]);
      if (lang !== 'en') expect(englishIn(text)).toEqual([]);
    },
  );

  it('names the schedule’s zone when the viewer’s clock reads a different time', () => {
    const zone = { en: 'Korean Standard Time', ko: '한국 표준시', ja: '韓国標準時' }[lang];
    expect(lineIn(lang, warmUpNext(), 'Europe/Berlin')).toContain(zone);
    expect(lineIn(lang, warmUpNext(), 'Asia/Seoul')).not.toContain(zone);
  });
});

describe('when the next warm-up is', () => {
  it('says tomorrow with the time when it is the next calendar day', () => {
    expect(lineIn('en', warmUpNext())).toMatch(/Next: tomorrow 8:40\sAM$/);
    expect(lineIn('ko', warmUpNext())).toMatch(/다음: 내일 .*8:40$/);
    expect(lineIn('ja', warmUpNext())).toMatch(/次回: 明日 8:40$/);
  });

  it('gives the weekday and date when it is further away', () => {
    const friday = warmUpNext({ nextAt: '2026-12-03T23:40:00.000Z' });
    expect(lineIn('en', friday)).toMatch(/Next: Fri, 12\/4, 8:40\sAM$/);
    expect(lineIn('ja', friday)).toMatch(/次回: 12\/4\(金\) 8:40$/);
  });

  it('reads the day and time in the viewer’s zone, not the schedule’s', () => {
    // 23:40 UTC on Monday: a viewer in London sees today, late in the evening.
    expect(lineIn('en', warmUpNext(), 'Europe/London')).toMatch(/Next: today 11:40\sPM$/);
    expect(lineIn('en', warmUpNext(), 'Europe/London')).toContain('8:40 AM (Korean');
  });

  it('does not name the zone when a different zone has the same clock time', () => {
    expect(lineIn('en', warmUpNext(), 'Asia/Tokyo')).not.toContain('(');
  });
});
