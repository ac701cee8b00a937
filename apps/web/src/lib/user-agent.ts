export interface DeviceSummary {
  browser: string | undefined;
  os: string | undefined;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: Array<[RegExp, string]> = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/node|undici|curl|Playwright/i, 'Script'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/iPhone|iPad|iPod|iOS/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A short "Chrome on macOS"-style description of a session's user agent. */
export function summariseUserAgent(ua: string | null | undefined): DeviceSummary {
  if (!ua) return { browser: undefined, os: undefined };
  return {
    browser: BROWSERS.find(([re]) => re.test(ua))?.[1],
    os: SYSTEMS.find(([re]) => re.test(ua))?.[1],
  };
}
