import type { NewGroup } from '../ipc/backend';

/** A group with only a name and a kind: the rest (where, when, norms, role) comes later, on its
 *  page, or takes the core's defaults (joined today, a member). */
export const namedGroup = (name: string, kind: string): NewGroup => ({
  name,
  kind,
  description: null,
  venue: null,
  address: null,
  meeting_link: null,
  venue_notes: null,
  norms: null,
  own_norms: null,
  my_role: null,
  colour: null,
  joined: null,
});
