/** Templates: the defaults with the agent's edits, and the agent's own (shared/templates.ts). */
import { defaultTemplates, mergeTemplates, type Template } from '../../shared/templates';
import type { SwitchboardDb } from './schema';

export async function allTemplates(db: SwitchboardDb): Promise<Template[]> {
  return mergeTemplates(await db.templates.toArray());
}

export async function saveTemplate(db: SwitchboardDb, template: Template): Promise<void> {
  await db.templates.put({ ...template });
}

/** A default is hidden (and can be brought back by resetting); the agent's own is gone. */
export async function deleteTemplate(db: SwitchboardDb, template: Template): Promise<void> {
  if (defaultTemplates.some((d) => d.id === template.id)) await db.templates.put({ ...template, deleted: true });
  else await db.templates.delete(template.id);
}

export async function resetTemplates(db: SwitchboardDb): Promise<void> {
  await db.templates.where('id').startsWith('default:').delete();
}
