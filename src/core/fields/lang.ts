/** Display languages and text given in both of them. */

/** A display language: English or Simplified Chinese. */
export type Lang = 'en' | 'zh';

/** A piece of text in English and Simplified Chinese. */
export interface LocalizedText {
  readonly en: string;
  readonly zh: string;
}

/** Shorthand for building a LocalizedText. */
export function lt(en: string, zh: string): LocalizedText {
  return { en, zh };
}

/** The text in the given language. */
export function pick(text: LocalizedText, lang: Lang): string {
  return lang === 'zh' ? text.zh : text.en;
}
