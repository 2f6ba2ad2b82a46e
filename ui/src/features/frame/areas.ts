import type { MessageKey } from '../../i18n';

export const AREAS = ['today', 'groups', 'calendar', 'journal', 'buddies', 'reminders', 'insights', 'settings'] as const;
export type Area = (typeof AREAS)[number];

export const areaLabel = (area: Area): MessageKey => `area.${area}`;
