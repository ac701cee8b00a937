const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A count the way RedNote shows it: "330M" / "7.1M" in English, "3.3亿" / "710万" in
 * Chinese. Intl's compact notation already groups by the East Asian myriad (万/萬/만,
 * 亿/億/억) for zh-CN, zh-TW, ja and ko, and writes "7,1 M" in Spanish.
 */
export function formatCount(value: number, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    formatters.set(locale, formatter);
  }
  return formatter.format(Math.max(0, Math.floor(value)));
}
