import type { AppError } from '../ipc/backend';
import { t, type MessageKey } from '../i18n';

/** A person-readable message: ours for each code, the core's wording for input problems. */
export function describe(error: AppError): string {
  if (error.code === 'invalid_input') return `${t('error.invalid_input')} ${error.message}`;
  const key = `error.${error.code}` as MessageKey;
  return t(key);
}
