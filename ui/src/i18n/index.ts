// Every string the UI shows comes from a translation file; a lint fails on literal UI text.
import en from './en.json';

export type MessageKey = keyof typeof en;

const messages: Record<string, string> = en;

/** The message for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
