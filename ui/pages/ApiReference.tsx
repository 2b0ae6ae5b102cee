/**
 * The API reference for agencies' developers: the OpenAPI document (functions/contracts/openapi.ts) as a page,
 * rendered by the site at build time with the shared components, no JavaScript. Route descriptions are the
 * route table's, in English; the page's own words are in the reader's language.
 */
import { Table } from '../components/Table.tsx';
import type { Lang } from '../lang.ts';

type Json = Record<string, unknown>;
interface Operation {
  /** An HTTP method, or `EVENT` for an event on the portal's bus (the document's `webhooks`). */
  method: string;
  path: string;
  operationId: string;
  description: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required?: boolean; description?: string; schema?: Json }[];
  requestBody?: { description?: string; required?: boolean; content: Record<string, { schema?: Json }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Json }> }>;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const TAG_KEYS: Record<string, string> = {
  Public: 'apiReference.tag.public',
  'Signed-in people': 'apiReference.tag.people',
  'Agency staff': 'apiReference.tag.staff',
  'Agency systems': 'apiReference.tag.systems',
  'Agency events': 'apiReference.tag.events',
};

type Items = Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;

/** The routes (`paths`) and the events (`webhooks`, each under its detail-type), in the document's order. */
export function operationsOf(document: Json): Operation[] {
  const routes = Object.entries((document.paths ?? {}) as Items).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ ...item[method]!, method: method.toUpperCase(), path })),
  );
  const events = Object.entries((document.webhooks ?? {}) as Items).flatMap(([name, item]) =>
    item.post ? [{ ...item.post, parameters: item.post.parameters ?? [], method: 'EVENT', path: name }] : [],
  );
  return [...routes, ...events];
}

/** The heading of an operation: `GET /api/…`, or an event's name. */
function Title({ lang, operation }: { lang: Lang; operation: Operation }) {
  if (operation.method === 'EVENT')
    return (
      <>
        {lang.t('apiReference.event')}: <code>{operation.path}</code>
      </>
    );
  return (
    <code>
      {operation.method} {operation.path}
    </code>
  );
}

/** A schema in a few words: `Receipt`, `string`, `array of PaymentSummary`, `"en" | "es"`. */
function typeOf(schema: Json | undefined): string {
  if (!schema) return '—';
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? '';
  if (Array.isArray(schema.anyOf)) {
    const kinds = (schema.anyOf as Json[]).map(typeOf);
    return kinds.length > 4 ? `${kinds.length} schemas` : kinds.join(' | ');
  }
  if (Array.isArray(schema.enum)) {
    const values = (schema.enum as unknown[]).map((value) => JSON.stringify(value));
    return values.length > 8 ? `${values.slice(0, 3).join(' | ')} | … (${values.length} values)` : values.join(' | ');
  }
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.type === 'array') return `array of ${typeOf(schema.items as Json | undefined)}`;
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  return typeof schema.type === 'string' ? schema.type : 'any';
}

const anchorOf = (id: string) => `op-${id}`;

function Sign({ lang, operation }: { lang: Lang; operation: Operation }) {
  if (operation.method === 'EVENT') return <>{lang.t('apiReference.auth.event')}</>;
  if (operation.security.some((requirement) => 'staffSession' in requirement)) return <>{lang.t('apiReference.auth.session')}</>;
  const scopes = operation.security.flatMap((requirement) => Object.values(requirement).flat());
  if (scopes.length === 0) return <>{lang.t('apiReference.auth.none')}</>;
  return (
    <>
      {lang.t('apiReference.auth.token')} <code>{scopes.join(' ')}</code>
    </>
  );
}

function OperationSection({ lang, operation, english }: { lang: Lang; operation: Operation; english?: 'en' }) {
  const body = operation.requestBody;
  const parameters = operation.parameters.filter((p) => p.in !== 'header' || p.name !== 'Accept-Language');
  return (
    <section class="margin-top-5" aria-labelledby={anchorOf(operation.operationId)}>
      <h3 id={anchorOf(operation.operationId)}>
        <Title lang={lang} operation={operation} />
      </h3>
      <p lang={english}>{operation.description}</p>
      <dl class="portal-facts">
        <dt>{lang.t('apiReference.operationId')}</dt>
        <dd>
          <code>{operation.operationId}</code>
        </dd>
        <dt>{lang.t('apiReference.signIn')}</dt>
        <dd>
          <Sign lang={lang} operation={operation} />
        </dd>
        {body && <dt>{lang.t('apiReference.requestBody')}</dt>}
        {body && (
          <dd>
            <span lang={english}>{body.description}</span>{' '}
            {Object.entries(body.content).map(([type, media]) => (
              <span key={type}>
                <br />
                <code>{type}</code>: <code>{typeOf(media.schema)}</code>
              </span>
            ))}
          </dd>
        )}
      </dl>
      {parameters.length > 0 && (
        <Table
          caption={lang.t('apiReference.parameters')}
          rows={parameters}
          rowKey={(p) => `${p.in}-${p.name}`}
          columns={[
            { key: 'name', header: lang.t('apiReference.name'), cell: (p) => <code>{p.name}</code> },
            { key: 'in', header: lang.t('apiReference.in'), cell: (p) => lang.t(`apiReference.in.${p.in}`) },
            {
              key: 'required',
              header: lang.t('apiReference.required'),
              cell: (p) => lang.t(p.required ? 'apiReference.yes' : 'apiReference.no'),
            },
            { key: 'type', header: lang.t('apiReference.type'), cell: (p) => <code>{typeOf(p.schema)}</code> },
            {
              key: 'description',
              header: lang.t('apiReference.description'),
              cell: (p) => <span lang={english}>{p.description ?? ''}</span>,
            },
          ]}
        />
      )}
      <Table
        caption={lang.t('apiReference.responses')}
        rows={Object.entries(operation.responses)}
        rowKey={([status]) => status}
        columns={[
          { key: 'status', header: lang.t('apiReference.status'), cell: ([status]) => <code>{status}</code> },
          { key: 'when', header: lang.t('apiReference.when'), cell: ([, r]) => <span lang={english}>{r.description}</span> },
          {
            key: 'body',
            header: lang.t('apiReference.body'),
            cell: ([, r]) =>
              Object.entries(r.content ?? {}).map(([type, media]) => (
                <span key={type} class="display-block">
                  <code>{type}</code>
                  {media.schema && type === 'application/json' && (
                    <>
                      : <code>{typeOf(media.schema)}</code>
                    </>
                  )}
                </span>
              )),
          },
        ]}
      />
    </section>
  );
}

function SchemaSection({ lang, name, schema, english }: { lang: Lang; name: string; schema: Json; english?: 'en' }) {
  const properties = Object.entries((schema.properties ?? {}) as Record<string, Json>);
  const required = new Set((schema.required ?? []) as string[]);
  return (
    <section class="margin-top-4" aria-labelledby={`schema-${name}`}>
      <h3 id={`schema-${name}`}>
        <code>{name}</code>
      </h3>
      {typeof schema.description === 'string' && <p lang={english}>{schema.description}</p>}
      {properties.length > 0 ? (
        <Table
          caption={lang.t('apiReference.properties', { name })}
          captionHidden
          rows={properties}
          rowKey={([property]) => property}
          columns={[
            { key: 'name', header: lang.t('apiReference.name'), cell: ([property]) => <code>{property}</code> },
            { key: 'type', header: lang.t('apiReference.type'), cell: ([, s]) => <code>{typeOf(s)}</code> },
            {
              key: 'required',
              header: lang.t('apiReference.required'),
              cell: ([property]) => lang.t(required.has(property) ? 'apiReference.yes' : 'apiReference.no'),
            },
            {
              key: 'description',
              header: lang.t('apiReference.description'),
              cell: ([, s]) => <span lang={english}>{typeof s.description === 'string' ? s.description : ''}</span>,
            },
          ]}
        />
      ) : (
        <p>
          <code>{typeOf(schema)}</code>
        </p>
      )}
    </section>
  );
}

export function ApiReference({ lang, document, documentHref }: { lang: Lang; document: Json; documentHref: string }) {
  const operations = operationsOf(document);
  const tags = ((document.tags ?? []) as { name: string }[]).map((tag) => tag.name);
  const schemas = Object.entries(((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>);
  const english = lang.locale === 'en' ? undefined : 'en';
  const info = document.info as { version: string };
  return (
    <div class="portal-api">
      <p class="usa-intro">{lang.t('apiReference.intro')}</p>
      <p>
        <a class="usa-link" href={documentHref}>
          {lang.t('apiReference.download', { version: info.version })}
        </a>
      </p>
      {english && <p>{lang.t('apiReference.englishOnly')}</p>}
      <p>{lang.t('apiReference.conventions')}</p>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">{lang.t('apiReference.contents')}</h2>
        {tags.map((tag) => (
          <div key={tag}>
            <h3 class="font-sans-sm">{lang.t(TAG_KEYS[tag] ?? tag)}</h3>
            <ul class="usa-list">
              {operations
                .filter((operation) => operation.tags.includes(tag))
                .map((operation) => (
                  <li key={operation.operationId}>
                    <a class="usa-link" href={`#${anchorOf(operation.operationId)}`}>
                      <Title lang={lang} operation={operation} />
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        <p>
          <a class="usa-link" href="#api-schemas">
            {lang.t('apiReference.schemas')}
          </a>
        </p>
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag.replace(/\W+/g, '-')}`}>
          <h2 id={`tag-${tag.replace(/\W+/g, '-')}`} class="margin-top-6">
            {lang.t(TAG_KEYS[tag] ?? tag)}
          </h2>
          {operations
            .filter((operation) => operation.tags.includes(tag))
            .map((operation) => (
              <OperationSection key={operation.operationId} lang={lang} operation={operation} english={english} />
            ))}
        </section>
      ))}
      <h2 id="api-schemas" class="margin-top-6">
        {lang.t('apiReference.schemas')}
      </h2>
      {schemas.map(([name, schema]) => (
        <SchemaSection key={name} lang={lang} name={name} schema={schema} english={english} />
      ))}
    </div>
  );
}
