/**
 * What a user of the task pane must never read: field keys and zod paths ("forbund:", "nyckel.referensAr"),
 * settings keys, and raw exception text or addresses. Shared by the message scan and the browser tests.
 */
export const INTERNAL_KEYS: readonly RegExp[] = [
  /\bforbund:/,
  /\bregion:/,
  /\bbelopp:/,
  /\bstandardförändring:/i,
  /\b(nyckel|prognos|uppfoljning|belopp|kommuner|nulagen)\.[a-zA-Z0-9]/,
  /\bfältet [a-z]+(\.[a-zA-Z0-9]+)*/,
  /\bsamkalk\.[a-z]/,
  /Failed to fetch/,
  /NetworkError/,
  /TypeError/,
  /https?:\/\//,
  /\bundefined\b/,
  /\bnull\b/,
  /\bNaN\b/,
  /\[object Object\]/,
];

/** The internal keys found in `text`, each with the text it was found in. */
export function internalKeysIn(text: string): string[] {
  return INTERNAL_KEYS.filter((re) => re.test(text)).map((re) => `${re} in "${text}"`);
}
