/** A browser's User-Agent as a person recognizes their device: "Chrome 131 trên Windows". */
export function describeUserAgent(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent));
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent));
  if (!browser && !system) return 'Thiết bị không rõ';
  const name = browser ? `${browser[1]}${versionOf(userAgent, browser[0])}` : 'Trình duyệt không rõ';
  return system ? `${name} trên ${system[1]}` : name;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/(?:OPR|Opera)\/(\d+)/, 'Opera'],
  [/CocCoc\/(\d+)|coc_coc_browser\/(\d+)/, 'Cốc Cốc'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/Zalo\/?(\d+)?/i, 'Zalo'],
  [/Firefox\/(\d+)|FxiOS\/(\d+)/, 'Firefox'],
  [/Chrom(?:e|ium)\/(\d+)|CriOS\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[\d.]* .*Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iPhone/iPad'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

function versionOf(userAgent: string, pattern: RegExp): string {
  const match = pattern.exec(userAgent);
  const version = match?.slice(1).find(Boolean);
  return version ? ` ${version}` : '';
}
