// What a failed restore means, in words about the backup (the generic messages speak of the
// person's own vault, which a refused restore never touched).
import { t } from '../../i18n';
import { describe } from '../../lib/errors';
import type { AppError } from '../../ipc/backend';

export function restoreProblem(error: AppError): string {
  switch (error.code) {
    case 'wrong_passphrase':
      return t('restore.wrongPassphrase');
    case 'vault_damaged':
      return t('restore.damaged');
    case 'conflict':
      return t('restore.exists');
    case 'newer_version':
      return t('restore.newer');
    default:
      return describe(error);
  }
}
