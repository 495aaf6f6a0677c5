/**
 * The 从业人员 form apart from its markup: its text fields and certificate rows, the `Person` they make — checked
 * with the very schema the API validates with (shared/domain/register.ts), so a message under a field is the one
 * the API would give — and the API's own refusals placed on the same fields.
 */
import type { PersonView } from '$shared/api/register';
import { Person } from '$shared/domain/register';
import { idCardGender, isValidIdCard } from '$shared/validation/idcard';
import { ApiError } from '$lib/api/client';

export interface CertificateRow {
  /** Keys the row in the list while rows are added and removed. */
  key: number;
  type: string;
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
}

export interface PersonFormState {
  name: string;
  idCardNo: string;
  gender: string;
  mobile: string;
  position: string;
  certificates: CertificateRow[];
}

export const PERSON_FIELDS = ['name', 'gender', 'idCardNo', 'mobile', 'position', 'certificates'] as const;
export const CERTIFICATE_FIELDS = ['type', 'number', 'issuer', 'validFrom', 'validTo'] as const;

/** Field → message; a certificate's field is `certificates.<row>.<field>`, the list itself `certificates`. */
export type PersonErrors = Record<string, string>;

let rowKeys = 0;

export function emptyCertificate(): CertificateRow {
  return { key: ++rowKeys, type: '', number: '', issuer: '', validFrom: '', validTo: '' };
}

/** The form of a new person (empty), or of `p` as the list shows it (编辑). */
export function personFormState(p?: PersonView): PersonFormState {
  return {
    name: p?.name ?? '',
    idCardNo: p?.idCardNo ?? '',
    gender: p?.gender ?? '',
    mobile: p?.mobile ?? '',
    position: p?.position ?? '',
    certificates: (p?.certificates ?? []).map((c) => ({ key: ++rowKeys, ...c })),
  };
}

/** The gender the 身份证号 says (its 17th digit), once it is a valid number; '' before. */
export function genderFromIdCard(idCardNo: string): string {
  const no = idCardNo.trim().toUpperCase();
  return isValidIdCard(no) ? idCardGender(no) : '';
}

/** What the schema is given: trimmed text, the 身份证号's check character upper-cased, the rows without their keys. */
export function personInput(f: PersonFormState): Record<string, unknown> {
  return {
    name: f.name,
    idCardNo: f.idCardNo.trim().toUpperCase(),
    ...(f.gender ? { gender: f.gender } : {}),
    mobile: f.mobile,
    position: f.position,
    certificates: f.certificates.map((c) => ({
      type: c.type,
      number: c.number,
      issuer: c.issuer,
      validFrom: c.validFrom,
      validTo: c.validTo,
    })),
  };
}

/** `certificates.0.validTo` from a schema or API path (`body.person.certificates.0.validTo` …). */
export function fieldKey(path: readonly (string | number | symbol)[] | string): string {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter(
    (p, i) => !(i === 0 && p === 'body'),
  );
  if (parts[0] === 'person') parts.shift();
  if (parts[0] === 'certificates' && parts.length >= 3) return parts.slice(0, 3).join('.');
  return parts[0] ?? '';
}

/** The value to send, or the first problem of each field. */
export function checkPerson(f: PersonFormState): { value: Person; errors: PersonErrors } | { errors: PersonErrors } {
  const r = Person.safeParse(personInput(f));
  if (r.success) return { value: r.data, errors: {} };
  const errors: PersonErrors = {};
  for (const issue of r.error.issues) errors[fieldKey(issue.path)] ??= issue.message;
  return { errors };
}

/** The API's field problems (400 details) on the form's fields; the rest stays with the message on top. */
export function personServerErrors(e: unknown): PersonErrors {
  const out: PersonErrors = {};
  if (!(e instanceof ApiError)) return out;
  for (const issue of e.details) {
    const key = fieldKey(issue.path);
    if (key) out[key] ??= issue.message;
  }
  return out;
}

/** A field's value in the form, for telling whether it was edited since it was checked. */
export function fieldValue(f: PersonFormState, key: string): string {
  const [field, row, sub] = key.split('.');
  if (field === 'certificates' && row !== undefined && sub !== undefined) {
    const c = f.certificates[Number(row)] as unknown as Record<string, string> | undefined;
    return c ? (c[sub] ?? '') : '';
  }
  if (field === 'certificates') return JSON.stringify(f.certificates.map((c) => c.key));
  return String((f as unknown as Record<string, unknown>)[field ?? ''] ?? '');
}

/** The errors still worth showing: each only while its field holds the value it was about. */
export function stillShown(errors: PersonErrors, checked: PersonFormState | null, form: PersonFormState): PersonErrors {
  if (!checked) return {};
  const out: PersonErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (fieldValue(checked, key) === fieldValue(form, key)) out[key] = message;
  }
  return out;
}
