/**
 * `npm run bench -- forms`: the budget form, 20 pages of 10 questions (200 questions: every type, a
 * condition on every other page and on some questions, one repeating page), built and compiled exactly as the
 * build compiles catalog forms. Prints its module's size, the CPU of importing it in a fresh process (what the
 * first submission of that form in a container pays), and the time to check one complete answer set and one
 * page's answers. Asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { jsonSchemaFor } from '../catalog/src/form-schema.ts';
import { type Form, FormSchema } from '../catalog/src/schema.ts';
import { type CompiledValidator, checkAnswers } from '../functions/domain/answers.ts';
import { strings } from '../functions/generated/site.js';
import { compileValidator } from '../scripts/build-functions.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const label = { en: 'A question', es: 'Una pregunta' };
const TYPES = ['text', 'integer', 'yesNo', 'memorableDate', 'money', 'email', 'radio', 'checkboxes', 'address', 'name'];
const options = ['a', 'b', 'c'].map((value) => ({ value, label }));

function question(page: number, index: number) {
  const type = TYPES[index % TYPES.length]!;
  return {
    name: `q${page}x${index}`,
    type,
    label,
    required: index % 3 !== 2,
    ...((type === 'radio' || type === 'checkboxes') && { options }),
    ...(type === 'integer' && { minimum: 0, maximum: 100 }),
    ...(type === 'memorableDate' && { dateRange: { notInFuture: true } }),
    // Every fifth question asked only after "yes" to the page's yes/no question (a same-page condition).
    ...(index > 2 && index % 5 === 0 && { when: { question: `q${page}x2`, equals: 'yes' } }),
  };
}

const pages = Array.from({ length: 20 }, (_, page) => ({
  id: `page-${page}`,
  title: label,
  // Every other page only when an earlier number is large enough.
  ...(page > 0 && page % 2 === 1 && { when: { question: `q${page - 1}x1`, atLeast: 10 } }),
  ...(page === 19 && {
    repeat: { min: 0, max: 10, itemName: { en: 'item', es: 'elemento' }, addLabel: label, summary: 'q19x0' },
  }),
  fields: Array.from({ length: 10 }, (_, index) => question(page, index)).map((field) =>
    page === 19 ? { ...field, when: undefined } : field,
  ),
}));
const form: Form = FormSchema.parse({ id: 'budget', title: label, intro: label, pages });

const started = process.hrtime.bigint();
const code = `${compileValidator(jsonSchemaFor(form))}\nexport const form = ${JSON.stringify(form)};\n`;
const compileMs = Number(process.hrtime.bigint() - started) / 1e6;
const dir = mkdtempSync(join(tmpdir(), 'front-door-form-budget-'));
const file = join(dir, 'budget.js');
writeFileSync(file, code);

const importCpu: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const script = `const t=process.cpuUsage();await import(${JSON.stringify(file)});const u=process.cpuUsage(t);console.log(u.user+u.system)`;
  importCpu.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
}
importCpu.sort((a, b) => a - b);

const { default: _, ...compiled } = (await import(file)) as { default?: unknown; validate: CompiledValidator };
const answer = (field: Form['fields'][number]): unknown => {
  switch (field.type) {
    case 'integer':
      return 50;
    case 'yesNo':
      return 'yes';
    case 'memorableDate':
      return '1990-04-28';
    case 'money':
      return 12345;
    case 'email':
      return 'ana@example.com';
    case 'radio':
      return 'a';
    case 'checkboxes':
      return ['a', 'b'];
    case 'address':
      return { street1: '1 Main St', city: 'Springfield', state: 'IL', zip: '55501' };
    case 'name':
      return { given: 'Ana', family: 'Díaz' };
    default:
      return 'An answer';
  }
};
const answers: Record<string, unknown> = Object.fromEntries(form.fields.map((field) => [field.name, answer(field)]));
const group = form.pages?.at(-1)?.group;
answers['page-19'] = Array.from({ length: 5 }, () =>
  Object.fromEntries((group?.fields ?? []).map((field) => [field.name, answer(field)])),
);
const time = (fn: () => void) => {
  for (let i = 0; i < 50; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return samples.sort((a, b) => a - b)[100] ?? 0;
};
const whole = checkAnswers(form, compiled.validate, answers, 'en', strings);
const wholeMs = time(() => checkAnswers(form, compiled.validate, answers, 'en', strings));
const pageAnswers = Object.fromEntries(Object.entries(answers).filter(([name]) => name.startsWith('q0x')));
const pageMs = time(() => checkAnswers(form, compiled.validate, pageAnswers, 'en', strings));

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log('\nThe budget form: 20 pages, 200 questions (every type, conditions, one repeating page of 10 questions)');
console.log(
  `  module           ${kb(Buffer.byteLength(code))} (${kb(gzipSync(code).length)} gzip), compiled in ${compileMs.toFixed(0)} ms at build time`,
);
console.log(
  `  first use        ${(importCpu[Math.floor(RUNS / 2)]! / 1000).toFixed(1)} ms CPU to import it (median of ${RUNS} fresh processes)`,
);
console.log(
  `  check all        ${wholeMs.toFixed(2)} ms per complete answer set (${Object.keys(whole.answers).length} answers kept, ${whole.problems.length} problems)`,
);
console.log(`  check one page   ${pageMs.toFixed(2)} ms (the first page's answers against the whole form, as a page post does)`);
rmSync(dir, { recursive: true, force: true });
