import { REGISTER_FIELDS } from '../../functions/lib/register/entry-writes';

/** The form's fields of an entry as `GET /api/register/enterprises/{id}` returns it: what a correction sends. */
export function editableFields(view: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(REGISTER_FIELDS.filter((f) => view[f] !== undefined).map((f) => [f, view[f]]));
}
