// A small user-agent reader for the sessions list ("Chrome on Windows"): coarse on
// purpose, no versions, so it stays right as browsers change and reveals little.
// Order matters: Edge and Opera say "Chrome", Chrome says "Safari", iPads may say "Macintosh".

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(MicroMessenger)\//, 'WeChat'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|Chrom(e|ium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*Safari\/|\bSafari\/.*(iPhone|iPad)|Mobile\/\w+ Safari/, 'Safari'],
  [/\bcurl\//, 'curl'],
];

const DEVICES: [RegExp, string][] = [
  [/\biPad\b/, 'iPad'],
  [/\biPhone\b/, 'iPhone'],
  [/\bAndroid\b.*\bMobile\b/, 'Android phone'],
  [/\bAndroid\b/, 'Android tablet'],
  [/\bCrOS\b/, 'Chromebook'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'Mac'],
  [/\bLinux\b/, 'Linux'],
];

export interface UserAgentSummary {
  device: string | null;
  browser: string | null;
}

export function summariseUserAgent(userAgent: string | null | undefined): UserAgentSummary {
  if (!userAgent) return { device: null, browser: null };
  const ua = userAgent.slice(0, 400);
  return {
    device: DEVICES.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
    browser: BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
  };
}

/** IPv4 to its /24, IPv6 to its /48: enough to tell networks apart, not people. */
export function truncateIp(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0`;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 3)
    .map((group) => (group || '0').toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::`;
}
