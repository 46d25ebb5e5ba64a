import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const CHROMIUM = '/usr/bin/chromium';
// iPad (10th generation) in portrait: 820 × 1180 CSS pixels at 2×, Safari's user agent.
const IPAD = { mobile: true, width: 820, height: 1180, deviceScaleFactor: 2, disabled: false };
const IPAD_UA =
  'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** Signs in at the local ALB stand-in as a demo employee; returns the session cookie. */
async function signIn(baseUrl, user, path) {
  const response = await fetch(`${baseUrl}/_local/signin`, {
    method: 'POST',
    body: new URLSearchParams({ user, return: path }),
    redirect: 'manual',
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 302 || !cookie)
    throw new Error(`sign-in as ${user} failed (${response.status})`);
  return cookie;
}

/**
 * Lighthouse 12 on Debian's chromium against one employee page of the local server (`/`, or
 * `/setup`, the "Set up this iPad" page), signed in, iPad viewport, mobile form factor with
 * Lighthouse's default simulated throttling.
 */
export async function lighthouseScores(baseUrl, path = '/') {
  const cookie = await signIn(baseUrl, 'minjun', path);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const result = await lighthouse(
      `${baseUrl}${path}`,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      {
        extends: 'lighthouse:default',
        settings: {
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          formFactor: 'mobile',
          screenEmulation: IPAD,
          emulatedUserAgent: IPAD_UA,
          extraHeaders: { Cookie: cookie },
          // Nothing here may reach the internet (no third-party lookups).
          skipAboutBlank: true,
        },
      },
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no report');
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const failing = (id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => ref.id);
    return {
      url: lhr.finalDisplayedUrl,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      metrics: {
        firstContentfulPaintMs: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? 0),
        largestContentfulPaintMs: Math.round(
          lhr.audits['largest-contentful-paint']?.numericValue ?? 0,
        ),
        totalBlockingTimeMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
        cumulativeLayoutShift: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
      },
      imperfect: {
        performance: failing('performance'),
        accessibility: failing('accessibility'),
        bestPractices: failing('best-practices'),
      },
    };
  } finally {
    await chrome.kill();
  }
}
