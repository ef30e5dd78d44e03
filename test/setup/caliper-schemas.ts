import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const DIR = resolve('test/fixtures/caliper');

/**
 * The 1EdTech Caliper 1.2 JSON Schemas (draft-04 with bare ids, see test/fixtures/caliper/SOURCES.md), loaded into one
 * Ajv instance by id. The schemas do not enforce actions, so `validateEvent` also checks the action per event type.
 */
export function caliperValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('uint32', /^\d+$/);
  for (const file of readdirSync(join(DIR, 'schema_1_2'))) {
    const { schema: _draft, id, ...rest } = JSON.parse(readFileSync(join(DIR, 'schema_1_2', file), 'utf8'));
    ajv.addSchema({ ...rest, $id: id });
  }
  const actions: Record<string, string[]> = {
    ToolLaunchEvent: ['Launched', 'Returned'],
    NavigationEvent: ['NavigatedTo'],
    SearchEvent: ['Searched'],
    ToolUseEvent: ['Used'],
  };
  return {
    /** Problems with one event, or none. */
    validateEvent(event: Record<string, unknown>): string[] {
      const type = String(event.type);
      const validate = ajv.getSchema(type) as ValidateFunction | undefined;
      if (!validate) return [`no schema for ${type}`];
      const problems = validate(event) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
      if (actions[type] && !actions[type]!.includes(String(event.action)))
        problems.push(`action ${String(event.action)}`);
      if (type === 'ToolLaunchEvent' && event.action === 'Launched' && !event.federatedSession)
        problems.push('Launched needs federatedSession');
      return problems;
    },
    fixture: (name: string) =>
      JSON.parse(readFileSync(join(DIR, 'fixtures', `${name}.json`), 'utf8')) as Record<string, unknown>,
  };
}
