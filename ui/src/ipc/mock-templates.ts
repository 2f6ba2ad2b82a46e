// The templates half of the in-memory stand-in. Its built-ins hold the core's key questions but
// not its whole wording; the core's own tests check that.
import type { Backend, Outcome, Template } from './backend';
import { fail, ok } from './mock-vault';

export type TemplateCommands = Pick<Backend, 'templateList' | 'templateAdd' | 'templateEdit' | 'templateReset' | 'templateDelete'>;

const ORIGINALS: Template[] = [
  { id: 1, builtin: 'daily-check-in', name: 'Daily check-in', kind: 'check-in', body: '### How am I arriving today?\n\n', customised: false },
  { id: 2, builtin: 'pre-meeting', name: 'Before a meeting', kind: 'check-in', body: '### What is my intention for this meeting?\n\n', customised: false },
  {
    id: 3,
    builtin: 'post-meeting',
    name: 'After a meeting',
    kind: 'reflection',
    body: '> What others shared stays in the room.\n\n### What did I hear that I want to keep?\n\n',
    customised: false,
  },
];

export function mockTemplates(isUnlocked: () => boolean): TemplateCommands {
  const templates: Template[] = ORIGINALS.map((t) => ({ ...t }));
  let nextId = ORIGINALS.length + 1;
  const locked = <T>(): Outcome<T> => fail('locked', 'The vault is locked. Unlock it first.');
  const missing = <T>(): Outcome<T> => fail('not_found', 'No template was found.');
  const find = (id: number): Template | undefined => templates.find((t) => t.id === id);
  const invalid = <T>(name: string): Outcome<T> | null => (name.trim() === '' ? fail('invalid_input', 'name: between 1 and 200 bytes') : null);

  return {
    templateList: async () => (isUnlocked() ? ok(templates.map((t) => ({ ...t }))) : locked()),
    templateAdd: async (input) => {
      if (!isUnlocked()) return locked();
      const refused = invalid<Template>(input.name);
      if (refused) return refused;
      const template: Template = { id: nextId++, builtin: null, name: input.name.trim(), kind: input.kind, body: input.body, customised: false };
      templates.push(template);
      return ok({ ...template });
    },
    templateEdit: async (id, input) => {
      if (!isUnlocked()) return locked();
      const refused = invalid<Template>(input.name);
      if (refused) return refused;
      const template = find(id);
      if (!template) return missing();
      Object.assign(template, { name: input.name.trim(), kind: input.kind, body: input.body, customised: template.builtin !== null });
      return ok({ ...template });
    },
    templateReset: async (id) => {
      if (!isUnlocked()) return locked();
      const original = ORIGINALS.find((t) => t.id === id);
      const template = find(id);
      if (!template) return missing();
      if (!original) return fail('invalid_input', 'only the built-in templates can be reset; delete your own instead');
      Object.assign(template, original);
      return ok({ ...template });
    },
    templateDelete: async (id) => {
      if (!isUnlocked()) return locked();
      const index = templates.findIndex((t) => t.id === id);
      const template = templates[index];
      if (!template) return missing();
      if (template.builtin !== null) return fail('invalid_input', 'the built-in templates cannot be deleted; reset one to its own wording instead');
      templates.splice(index, 1);
      return ok(null);
    },
  };
}
