// Buddies in the user's words: relations, card fields and share methods.
import { t } from '../../i18n';
import type { CardFieldKind, Contact, Labelled, Relation, ShareMethod } from '../../ipc/backend';

export const RELATIONS: Relation[] = ['buddy', 'mentor', 'sponsor', 'temporary-sponsor', 'newcomer-i-support', 'peer', 'professional'];
/** The kinds of field the user's own card can hold. */
export const CARD_FIELD_KINDS: CardFieldKind[] = ['phone', 'email', 'messenger', 'pronouns', 'availability', 'note'];

export const relationName = (relation: Relation): string => t(`relation.${relation}` as const);
export const fieldName = (kind: CardFieldKind): string => t(`field.${kind}` as const);
export const methodName = (method: ShareMethod): string => t(`share.method.${method}` as const);

/** "mobile: +49 170 ..." or just the value. */
export const pointText = (point: Labelled): string => (point.label ? `${point.label}: ${point.value}` : point.value);

/** A contact's first number or address, for lists. */
export const reachText = (contact: Contact): string => {
  const first = contact.phones[0] ?? contact.emails[0] ?? contact.messengers[0];
  return first ? pointText(first) : '';
};
