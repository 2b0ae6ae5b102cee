/**
 * A catalog the size of a real department, for `npm run bench -- catalog`: the repository's agencies, strings and
 * life events, plus `count` generated services, each with its own form, spread over generated life events.
 * Forms vary as an agency's do (seeded, so every run builds the same catalog): one-page and multi-page (up to 8
 * pages), 3 to 60 questions of every type, conditions on earlier answers, a repeating page, a fee on some.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_DIR, PUBLISHED_DIR } from '../catalog/src/load.ts';

/** A small fast seeded generator (mulberry32): the same catalog on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = [
  'aging-and-disability',
  'human-services',
  'labor',
  'motor-vehicles',
  'revenue',
  'secretary-of-state',
  'veterans-affairs',
  'vital-records',
];
const SUBJECTS = [
  ['permit', 'permiso'],
  ['license', 'licencia'],
  ['grant', 'subvención'],
  ['exemption', 'exención'],
  ['registration', 'registro'],
  ['certificate', 'certificado'],
  ['benefit', 'beneficio'],
  ['inspection', 'inspección'],
  ['renewal', 'renovación'],
  ['appeal', 'apelación'],
] as const;
const TOPICS = [
  ['boat', 'bote'],
  ['well water', 'agua de pozo'],
  ['food truck', 'camión de comida'],
  ['child care', 'cuidado infantil'],
  ['home repair', 'reparación de vivienda'],
  ['hunting', 'caza'],
  ['farm', 'granja'],
  ['event', 'evento'],
  ['nursing', 'enfermería'],
  ['solar panel', 'panel solar'],
  ['tree removal', 'tala de árboles'],
  ['street vendor', 'vendedor ambulante'],
] as const;

const QUESTION_TYPES = [
  'text',
  'text',
  'textarea',
  'email',
  'tel',
  'date',
  'integer',
  'radio',
  'select',
  'checkbox',
  'memorableDate',
  'yesNo',
  'checkboxes',
  'money',
  'address',
  'name',
] as const;

const options = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ value: `option-${i + 1}`, label: { en: `Option ${i + 1}`, es: `Opción ${i + 1}` } }));

function question(type: (typeof QUESTION_TYPES)[number], index: number, pick: () => number) {
  const base = {
    name: `q${index}`,
    type,
    label: { en: `Question ${index} about your request`, es: `Pregunta ${index} sobre su solicitud` },
    ...(pick() < 0.3 && { required: false }),
  };
  if (type === 'radio' || type === 'select' || type === 'checkboxes')
    return { ...base, options: options(2 + Math.floor(pick() * 5)) };
  if (type === 'text') return { ...base, maxLength: 200 };
  if (type === 'checkbox') return { ...base, required: false };
  return base;
}

export interface GeneratedCatalog {
  dir: string;
  forms: number;
  questions: number;
  pages: number;
}

/** Writes the catalog under `root`/catalog (the folder CATALOG_DIR then names) and says what it holds. */
export function generateCatalog(root: string, count: number, seed = 14): GeneratedCatalog {
  const pick = random(seed);
  const dir = join(root, 'catalog');
  rmSync(dir, { recursive: true, force: true });
  cpSync(CATALOG_DIR, dir, { recursive: true, filter: (source) => !source.includes(`${join('catalog', 'src')}`) });
  let questions = 0;
  let formPages = 0;
  const perEvent = 25;
  const events: string[][] = [];
  for (let n = 1; n <= count; n++) {
    const [subjectEn, subjectEs] = SUBJECTS[n % SUBJECTS.length] as readonly [string, string];
    const [topicEn, topicEs] = TOPICS[Math.floor(n / SUBJECTS.length) % TOPICS.length] as readonly [string, string];
    const id = `service-${n}`;
    const formId = `form-${n}`;
    const agency = AGENCIES[n % AGENCIES.length] as string;
    const total = 3 + Math.floor(pick() ** 2 * 58);
    const pageCount = total < 8 || pick() < 0.25 ? 1 : Math.min(8, 2 + Math.floor(pick() * 7));
    const made = Array.from({ length: total }, (_, i) =>
      question(QUESTION_TYPES[Math.floor(pick() * QUESTION_TYPES.length)] ?? 'text', i + 1, pick),
    );
    // Conditions on earlier yes/no answers, as real forms ask follow-ups.
    for (let i = 1; i < made.length; i++) {
      const earlier = made.slice(0, i).find((q) => q.type === 'yesNo');
      if (earlier && pick() < 0.15) Object.assign(made[i] as object, { when: { question: earlier.name, equals: 'yes' } });
    }
    questions += total;
    const title = {
      en: `${topicEn} ${subjectEn} ${n}`.replace(/^./, (c) => c.toUpperCase()),
      es: `${subjectEs} de ${topicEs} ${n}`.replace(/^./, (c) => c.toUpperCase()),
    };
    let form: Record<string, unknown>;
    if (pageCount === 1) {
      form = { id: formId, title, intro: { en: 'Answer a few questions.', es: 'Conteste unas preguntas.' }, fields: made };
      formPages += 1;
    } else {
      const size = Math.ceil(total / pageCount);
      const pages = Array.from({ length: pageCount }, (_, p) => ({
        id: `page-${p + 1}`,
        title: { en: `Part ${p + 1}`, es: `Parte ${p + 1}` },
        fields: made.slice(p * size, (p + 1) * size),
      })).filter((page) => page.fields.length > 0);
      // A page asked only for some people, on a condition about the first page.
      const yesNo = pages[0]?.fields.find((q) => q.type === 'yesNo' && !('when' in q));
      if (yesNo && pages.length > 2 && pick() < 0.5)
        Object.assign(pages[pages.length - 1] as object, { when: { question: yesNo.name, equals: 'yes' } });
      // Some forms ask about each household member on a repeating page.
      if (pick() < 0.15)
        pages.push({
          id: 'household',
          title: { en: 'People in your household', es: 'Personas en su hogar' },
          repeat: {
            min: 0,
            max: 10,
            itemName: { en: 'person', es: 'persona' },
            addLabel: { en: 'Add a person', es: 'Agregar una persona' },
            summary: `h${n}Name`,
          },
          fields: [
            { name: `h${n}Name`, type: 'text', label: { en: 'Their name', es: 'Su nombre' }, maxLength: 100 },
            { name: `h${n}Born`, type: 'memorableDate', label: { en: 'Date of birth', es: 'Fecha de nacimiento' } },
          ],
        } as never);
      // Conditions name questions asked earlier: a condition on a later page's question is dropped.
      const seen = new Set<string>();
      for (const page of pages) {
        if ('when' in page && !seen.has((page as { when: { question: string } }).when.question))
          delete (page as { when?: unknown }).when;
        for (const field of page.fields) {
          if ('when' in field && (!seen.has((field as { when: { question: string } }).when.question) || 'repeat' in page))
            delete (field as { when?: unknown }).when;
          seen.add(field.name);
        }
      }
      formPages += pages.length;
      form = {
        id: formId,
        title,
        intro: { en: 'Answer the questions on each page.', es: 'Conteste las preguntas de cada página.' },
        pages,
      };
    }
    const service = {
      id,
      agency,
      title,
      summary: { en: `Apply for a ${topicEn} ${subjectEn}.`, es: `Solicite un ${subjectEs} de ${topicEs}.` },
      eligibility: { en: ['You live in the state.'], es: ['Vive en el estado.'] },
      processingTime: { en: 'About 2 weeks', es: 'Unas 2 semanas' },
      form: formId,
      ...(pick() < 0.3 && {
        fee: {
          amount: 500 + Math.floor(pick() * 100) * 100,
          currency: 'USD',
          description: { en: 'Fee', es: 'Tarifa' },
          refundable: pick() < 0.5,
        },
      }),
    };
    writeFileSync(join(dir, 'forms', `${formId}.json`), JSON.stringify(form));
    // Published as `npm run publish-forms` would (decision 0085): the build refuses an unpublished version.
    mkdirSync(join(dir, PUBLISHED_DIR, formId), { recursive: true });
    writeFileSync(join(dir, PUBLISHED_DIR, formId, 'v1.json'), JSON.stringify(form));
    writeFileSync(join(dir, 'services', `${id}.json`), JSON.stringify(service));
    const eventIndex = Math.floor((n - 1) / perEvent);
    events[eventIndex] ??= [];
    events[eventIndex]?.push(id);
  }
  mkdirSync(join(dir, 'life-events'), { recursive: true });
  events.forEach((services, index) => {
    const id = `more-services-${index + 1}`;
    writeFileSync(
      join(dir, 'life-events', `${id}.json`),
      JSON.stringify({
        id,
        order: 100 + index,
        title: { en: `More services, group ${index + 1}`, es: `Más servicios, grupo ${index + 1}` },
        summary: { en: 'Other permits, licenses and benefits.', es: 'Otros permisos, licencias y beneficios.' },
        services,
      }),
    );
  });
  return { dir, forms: count, questions, pages: formPages };
}
