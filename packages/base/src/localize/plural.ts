/**
 * Counts in translations, through `Intl`: the number formatted for the language and the phrase chosen by
 * the language's plural rules (English has two forms, Arabic six, Japanese one). Translations use these
 * so that no term builds a number or a plural by hand.
 */

/** One phrase per CLDR plural category the language uses; `#` stands for the formatted count. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

const numbers = new Map<string, Intl.NumberFormat>();
const rules = new Map<string, Intl.PluralRules>();

/** `count` formatted with `Intl.NumberFormat` for `lang` (`1,234` in English, `1.234` in German). */
export function formatCount(lang: string, count: number): string {
  let format = numbers.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang);
    numbers.set(lang, format);
  }
  return format.format(count);
}

/**
 * The phrase for `count` in `lang`: the form of its plural category (`Intl.PluralRules`), else `other`,
 * with `#` replaced by the formatted count.
 *
 * @example
 * plural('en', 1, { one: '# record', other: '# records' }); // "1 record"
 * plural('ar', 2, { two: 'سجلان', few: '# سجلات', other: '# سجل' }); // "سجلان"
 */
export function plural(lang: string, count: number, forms: PluralForms): string {
  let rule = rules.get(lang);
  if (!rule) {
    rule = new Intl.PluralRules(lang);
    rules.set(lang, rule);
  }
  const form = forms[rule.select(count)] ?? forms.other;
  return form.replace(/#/g, formatCount(lang, count));
}
