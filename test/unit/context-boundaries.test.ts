import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { contextBoundaries } from '../../eslint.context-boundaries.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const linter = new Linter({ configType: 'flat' });

function problems(file: string, code: string): string[] {
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { sourceType: 'module', ecmaVersion: 2024 },
          plugins: { hazmat: { rules: { 'context-boundaries': contextBoundaries } } },
          rules: { 'hazmat/context-boundaries': 'error' },
        },
      ],
      path.join(ROOT, file),
    )
    .map((m) => m.message);
}

describe('context boundaries lint rule', () => {
  it("refuses a context importing another context's file", () => {
    expect(problems('functions/enterprise/x.ts', "import { a } from '../register/units';")).toEqual([
      expect.stringContaining("'enterprise' imports the 'register' context"),
    ]);
    expect(problems('functions/register/x.ts', "export { a } from '../attachments/presign';")).toHaveLength(1);
    expect(problems('functions/register/x.ts', "const m = import('../identity/sign-in');")).toHaveLength(1);
  });

  it('refuses the kernel importing a context', () => {
    expect(problems('functions/lib/register/x.ts', "import { a } from '../../register/units';")).toHaveLength(1);
  });

  it('allows the kernel, the store, shared code, own files and the wiring', () => {
    const ok = [
      ['functions/enterprise/x.ts', "import { a } from '../lib/register/scope';"],
      ['functions/enterprise/x.ts', "import { a } from '../store';"],
      ['functions/enterprise/x.ts', "import { a } from '../../shared/reference/regions';"],
      ['functions/enterprise/x.ts', "import { a } from './personnel';"],
      ['functions/local/x.ts', "import { a } from '../register/handler';"],
      ['functions/seed/x.ts', "import { a } from '../register/manifest';"],
      ['functions/manifest.ts', "import { a } from './register/manifest';"],
    ];
    for (const [file, code] of ok) expect(problems(file!, code!), `${file}: ${code}`).toEqual([]);
  });
});
