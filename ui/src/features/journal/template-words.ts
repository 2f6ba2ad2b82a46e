import { t } from '../../i18n';
import type { Template } from '../../ipc/backend';

/** A template as the person reads it: the built-in ones in the UI's language until the person
 *  rewords them (the core keeps their English wording, and its own words once changed). */
export function inUiLanguage(template: Template): Template {
  if (template.builtin === null || template.customised) return template;
  return {
    ...template,
    name: t(`template.${template.builtin}.name` as const),
    body: t(`template.${template.builtin}.body` as const),
  };
}
