import { t } from '../../i18n';

export const BUILT_IN_KINDS = ['mental-health', 'addiction-recovery', 'parenting-caregiver', 'chronic-illness-disability', 'grief-loss', 'other'] as const;
type BuiltInKind = (typeof BUILT_IN_KINDS)[number];

const isBuiltIn = (kind: string): kind is BuiltInKind => (BUILT_IN_KINDS as readonly string[]).includes(kind);

/** A built-in kind in words; a kind of the user's own as they wrote it. */
export const kindLabel = (kind: string): string => (isBuiltIn(kind) ? t(`kind.${kind}`) : kind);
