import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_DIR, CatalogError, checkedCatalog, handOverCatalog, loadCatalog } from '#catalog/load';

describe('the real catalog', () => {
  const catalog = loadCatalog();

  it('loads without problems', () => {
    expect(() => loadCatalog()).not.toThrow();
  });

  it('has the 8 life events in home page order', () => {
    expect(catalog.lifeEvents.map((event) => event.id)).toEqual([
      'having-a-child',
      'moving',
      'losing-a-job',
      'approaching-retirement',
      'starting-a-business',
      'death-of-a-loved-one',
      'living-with-a-disability',
      'leaving-military-service',
    ]);
    expect(catalog.lifeEvents.map((event) => event.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('has at least 24 services', () => {
    expect(catalog.services.size).toBeGreaterThanOrEqual(24);
  });

  it('has at least 5 agencies', () => {
    expect(catalog.agencies.size).toBeGreaterThanOrEqual(5);
  });

  it('has a form for every service', () => {
    const missing = [...catalog.services.values()].filter((service) => !catalog.forms.has(service.form)).map((s) => s.id);
    expect(missing).toEqual([]);
  });

  it('lists 3 to 6 services under every life event', () => {
    const wrong = catalog.lifeEvents
      .filter((event) => event.services.length < 3 || event.services.length > 6)
      .map((event) => `catalog/life-events/${event.id}.json lists ${event.services.length} services`);
    expect(wrong).toEqual([]);
  });

  it('lists every renewal under more than one life event, since people renew for more reasons than moving', () => {
    const renewals = [...catalog.services.keys()].filter((id) => id.endsWith('-renewal'));
    expect(renewals.length).toBeGreaterThanOrEqual(2);
    const under = (id: string) => catalog.lifeEvents.filter((event) => event.services.includes(id)).map((event) => event.id);
    expect(renewals.filter((id) => under(id).length < 2)).toEqual([]);
  });

  it('gives every agency at least 2 services', () => {
    const wrong = [...catalog.agencies.keys()].filter(
      (agency) => [...catalog.services.values()].filter((service) => service.agency === agency).length < 2,
    );
    expect(wrong).toEqual([]);
  });

  it('says "(optional)" in the label of every optional field', () => {
    const wrong: string[] = [];
    for (const form of catalog.forms.values()) {
      for (const field of form.fields) {
        const saysOptional = field.label.en.includes('(optional)') && field.label.es.includes('(opcional)');
        // A consent box is optional by its nature (the schema allows no other) and its label is a fixed disclosure.
        if (!field.required && !field.consent && !saysOptional) wrong.push(`catalog/forms/${form.id}.json: ${field.name}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives every required choice its own "required" message', () => {
    const wrong: string[] = [];
    for (const form of catalog.forms.values()) {
      for (const field of form.fields) {
        const isChoice = field.type === 'radio' || field.type === 'select' || field.type === 'checkbox';
        if (isChoice && field.required && !field.errors?.required) wrong.push(`catalog/forms/${form.id}.json: ${field.name}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('when an editor breaks the catalog', () => {
  let root: string;
  let dir: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'front-door-catalog-'));
    dir = join(root, 'catalog');
    cpSync(CATALOG_DIR, dir, { recursive: true });
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const writeJson = (file: string, data: unknown) => writeFileSync(join(dir, file), JSON.stringify(data, null, 2));

  function problems(): string[] {
    try {
      loadCatalog(dir);
    } catch (error) {
      if (error instanceof CatalogError) return error.problems;
      throw error;
    }
    throw new Error('Expected the broken catalog to fail to load, but it loaded');
  }

  it('still loads a copy that nobody changed', () => {
    expect(loadCatalog(dir).services.size).toBe(loadCatalog().services.size);
  });

  it('names a life event that lists a missing service and says how to fix it', () => {
    const event = readJson('life-events/moving.json') as { services: string[] };
    event.services.push('passport-renewal');
    writeJson('life-events/moving.json', event);

    expect(problems()).toContainEqual(
      expect.stringMatching(
        /^catalog\/life-events\/moving\.json at services\[\d+\]: there is no service "passport-renewal"\. Use one of: .* or add catalog\/services\/passport-renewal\.json\.$/,
      ),
    );
  });

  it('names a service that no life event lists and says where to add it', () => {
    const event = readJson('life-events/having-a-child.json') as { services: string[] };
    event.services = event.services.filter((id) => id !== 'wic-nutrition');
    writeJson('life-events/having-a-child.json', event);

    expect(problems()).toContain(
      'catalog/services/wic-nutrition.json: no life event lists this service, so nobody can find it. Add "wic-nutrition" to a life event\'s "services".',
    );
  });

  it('names a service whose agency does not exist and says how to fix it', () => {
    writeJson('services/state-id-card.json', { ...readJson('services/state-id-card.json'), agency: 'parks' });

    expect(problems()).toContainEqual(
      expect.stringMatching(
        /^catalog\/services\/state-id-card\.json at agency: there is no agency "parks"\. Use one of: .*motor-vehicles.* or add catalog\/agencies\/parks\.json\.$/,
      ),
    );
  });

  it('names a service whose form does not exist and says how to fix it', () => {
    writeJson('services/state-id-card.json', { ...readJson('services/state-id-card.json'), form: 'id-card-form' });

    expect(problems()).toContain(
      'catalog/services/state-id-card.json at form: there is no form "id-card-form". Add catalog/forms/id-card-form.json or use an existing form id.',
    );
  });

  it('names a file that is not valid JSON and says what to look for', () => {
    writeFileSync(join(dir, 'services/voter-registration-update.json'), '{ "id": "voter-registration-update", }');

    expect(problems()).toContainEqual(
      expect.stringMatching(
        /^catalog\/services\/voter-registration-update\.json: this is not valid JSON \(.+\)\. Check for a missing comma or quote\.$/,
      ),
    );
  });

  it('names an empty Spanish text and asks for it', () => {
    const service = readJson('services/snap-food-assistance.json') as { title: { en: string; es: string } };
    service.title.es = ' ';
    writeJson('services/snap-food-assistance.json', service);

    expect(problems()).toContain('catalog/services/snap-food-assistance.json at title.es: Write the Spanish text');
  });

  it('names the file and the place of a missing Spanish text', () => {
    const service = readJson('services/snap-food-assistance.json') as { summary: { en: string; es?: string } };
    delete service.summary.es;
    writeJson('services/snap-food-assistance.json', service);

    // The schema gives zod's own message when the "es" key is missing entirely ("expected string, received undefined").
    expect(problems()).toContainEqual(expect.stringMatching(/^catalog\/services\/snap-food-assistance\.json at summary\.es: /));
  });

  it('names a file whose name does not match its id and says to make them the same', () => {
    renameSync(join(dir, 'agencies/motor-vehicles.json'), join(dir, 'agencies/dmv.json'));

    expect(problems()).toContain(
      'catalog/agencies/dmv.json: its id is "motor-vehicles" but the file is named "dmv.json". Make them the same.',
    );
  });

  it('reports every problem at once', () => {
    writeJson('services/state-id-card.json', { ...readJson('services/state-id-card.json'), agency: 'parks' });
    writeJson('services/job-training.json', { ...readJson('services/job-training.json'), form: 'training-form' });

    const found = problems();
    expect(found).toContainEqual(expect.stringContaining('catalog/services/state-id-card.json at agency'));
    expect(found).toContainEqual(expect.stringContaining('catalog/services/job-training.json at form'));
  });

  type PageJson = { id: string; when?: unknown; fields: { name: string; when?: unknown }[] };
  const snap = () => readJson('forms/snap-application.json') as { pages: PageJson[] };

  it('names the file and the place of a condition about a question asked later, and says to move it', () => {
    const form = snap();
    form.pages[1]!.when = { question: 'needsFoodNow', equals: 'yes' };
    writeJson('forms/snap-application.json', form);

    expect(problems()).toContain(
      'catalog/forms/snap-application.json at pages[1].when: the condition names "needsFoodNow", which is asked on this page or later. ' +
        'A condition can only use answers to questions asked before it: move "needsFoodNow" earlier or the condition later',
    );
  });

  it('names a condition about a question the form does not have, and lists the ones it has', () => {
    const form = snap();
    form.pages[4]!.fields[1]!.when = {
      all: [
        { question: 'hasIncome', equals: 'yes' },
        { question: 'income', atLeast: 1 },
      ],
    };
    writeJson('forms/snap-application.json', form);

    expect(problems()).toContainEqual(
      expect.stringMatching(
        /^catalog\/forms\/snap-application\.json at pages\[4\]\.fields\[1\]\.when: the condition names "income", but this form has no question "income"\. Use one of: applicantName, email, /,
      ),
    );
  });

  it('refuses a condition that could never hold: a choice the question does not offer, a number compared with text', () => {
    const form = snap();
    form.pages[4]!.fields[1]!.when = {
      any: [
        { question: 'hasIncome', equals: 'maybe' },
        { question: 'email', greaterThan: 3 },
      ],
    };
    writeJson('forms/snap-application.json', form);

    const found = problems();
    expect(found).toContain(
      'catalog/forms/snap-application.json at pages[4].fields[1].when: "hasIncome" has no option "maybe". Use one of: yes, no',
    );
    expect(found).toContain(
      'catalog/forms/snap-application.json at pages[4].fields[1].when: "email" is not a number question, so it cannot be compared with a number',
    );
  });

  it('says how to write a condition when one is misspelt', () => {
    const form = snap();
    form.pages[3]!.when = { question: 'householdSize', biggerThan: 1 };
    writeJson('forms/snap-application.json', form);

    expect(problems()).toContainEqual(
      expect.stringMatching(
        /^catalog\/forms\/snap-application\.json at pages\[3\]\.when: Write a condition like \{"question": "relationship", "equals": "child"\}/,
      ),
    );
  });

  it('refuses a form with both "fields" and "pages", and a page named like the summary page', () => {
    const form = snap() as { pages: PageJson[]; fields?: unknown };
    form.fields = form.pages[0]!.fields;
    writeJson('forms/snap-application.json', form);
    expect(problems()).toContainEqual(
      expect.stringContaining('catalog/forms/snap-application.json: A form lists its questions in "fields"'),
    );

    const other = snap();
    other.pages[0]!.id = 'check-your-answers';
    writeJson('forms/snap-application.json', other);
    expect(problems()).toContain(
      'catalog/forms/snap-application.json at pages[0].id: "check-your-answers" is the summary page\'s id: choose another',
    );
  });

  describe('a published form version', () => {
    const formFile = 'forms/wic-application.json';
    const changed = () => {
      const form = readJson(formFile) as { intro: { en: string } };
      form.intro.en = 'WIC gives food to families.';
      return form;
    };

    it('refuses a change to a published version and says to use the next version', () => {
      writeJson(formFile, changed());
      expect(problems()).toContain(
        'catalog/forms/wic-application.json: version 1 is published (catalog/published/wic-application/v1.json) and a published version never changes, but this definition differs from it. Set "version": 2 for the change, then run `npm run publish-forms`.',
      );
    });

    it('asks to publish a new version before it ships', () => {
      writeJson(formFile, { ...changed(), version: 2 });
      expect(problems()).toContain(
        'catalog/forms/wic-application.json at version: version 2 of this form is not published. Run `npm run publish-forms` to publish it (then it can never change).',
      );
    });

    it('keeps the older published versions, so drafts of them still validate', () => {
      writeJson(formFile, { ...changed(), version: 2 });
      writeFileSync(join(dir, 'published/wic-application/v2.json'), JSON.stringify({ ...changed(), version: 2 }));
      const catalog = loadCatalog(dir);
      expect(catalog.forms.get('wic-application')?.version).toBe(2);
      expect(catalog.olderVersions.get('wic-application')?.map((form) => [form.version, form.intro.en])).toEqual([
        [
          1,
          readJson('published/wic-application/v1.json').intro &&
            (readJson('published/wic-application/v1.json').intro as { en: string }).en,
        ],
      ]);
    });

    it('does not let a form go back to an older version number', () => {
      writeFileSync(join(dir, 'published/wic-application/v2.json'), JSON.stringify({ ...changed(), version: 2 }));
      expect(problems()).toContainEqual(expect.stringContaining('version 2 is already published'));
    });

    it('does not care how the keys of the same definition are ordered', () => {
      const form = readJson(formFile);
      const reordered = Object.fromEntries(Object.entries(form).reverse());
      writeJson(formFile, reordered);
      expect(() => loadCatalog(dir)).not.toThrow();
    });
  });
});

describe('a catalog handed over within the process (decision 135)', () => {
  it('is the one read for its folder, and another folder is still loaded and checked', () => {
    const catalog = loadCatalog();
    handOverCatalog(`${CATALOG_DIR}/`, catalog);
    expect(checkedCatalog(CATALOG_DIR)).toBe(catalog);
    const dir = mkdtempSync(join(tmpdir(), 'handed-over-'));
    try {
      cpSync(CATALOG_DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'strings.json'), '{ not json');
      expect(() => checkedCatalog(dir)).toThrow(); // read from its folder, not the one handed over
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
