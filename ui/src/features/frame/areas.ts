import type { MessageKey } from '../../i18n';

export const AREAS = ['today', 'groups', 'calendar', 'journal', 'buddies', 'reminders', 'insights', 'settings'] as const;
export type Area = (typeof AREAS)[number];
/** Areas whose features are still to come show an honest empty state. */
export type EmptyArea = 'buddies';

export const areaLabel = (area: Area): MessageKey => `area.${area}`;
export const emptyText = (area: EmptyArea): MessageKey => `empty.${area}`;
