/**
 * Enhances a file question's upload form (ui/pages/UploadPage.tsx), which without JavaScript posts one file
 * straight to storage and comes back through the release step. With it: several files at once, each sent to
 * storage by its own presigned POST with its progress shown, then released; the page then shows them checked.
 * Anything the script cannot do (storage unreachable from a script, no CORS) falls back to the plain form post.
 */
interface Presigned {
  url: string;
  fields: Record<string, string>;
  release: string;
}

const say = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

function sendFile(presigned: Presigned, file: File, onProgress: (percent: number) => void): Promise<boolean> {
  return new Promise((resolve) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(presigned.fields)) body.append(name, value);
    body.append('file', file, file.name);
    const request = new XMLHttpRequest();
    request.open('POST', presigned.url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    });
    request.addEventListener('load', () => resolve(request.status >= 200 && request.status < 300));
    request.addEventListener('error', () => resolve(false));
    request.send(body);
  });
}

async function jsonOf(response: Response): Promise<Record<string, unknown>> {
  return (await response.json().catch(() => ({}))) as Record<string, unknown>;
}

function messageOf(body: Record<string, unknown>): string | undefined {
  const error = body.error as { message?: unknown } | undefined;
  return typeof error?.message === 'string' ? error.message : undefined;
}

function enhance(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[type="file"]');
  const list = form.querySelector<HTMLElement>('[data-upload-progress]');
  const { presign = '', question = '', maxFiles = '1', msgUploading = '', msgDone = '', msgFailed = '' } = form.dataset;
  if (!input || !list || !presign) return;
  if (Number(maxFiles) > 1) input.multiple = true;
  let plain = false;
  form.addEventListener('submit', async (event) => {
    if (plain) return; // the fallback: the browser posts the form itself
    const files = [...(input.files ?? [])].slice(0, Number(maxFiles));
    if (files.length === 0) return; // the browser's own "choose a file" check runs
    event.preventDefault();
    list.replaceChildren();
    let failed = false;
    let pageAfter: string | undefined;
    for (const file of files) {
      const line = document.createElement('li');
      line.dataset.uploadFile = file.name;
      const show = (text: string) => {
        line.textContent = text;
      };
      show(say(msgUploading, { name: file.name, percent: '0' }));
      list.append(line);
      const asked = await fetch(presign, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ question, name: file.name, type: file.type }),
      }).catch(() => undefined);
      const presigned = asked ? await jsonOf(asked) : {};
      if (!asked?.ok) {
        show(messageOf(presigned) ?? say(msgFailed, { name: file.name }));
        line.classList.add('text-secondary-dark');
        failed = true;
        continue;
      }
      const sent = await sendFile(presigned as unknown as Presigned, file, (percent) =>
        show(say(msgUploading, { name: file.name, percent: String(percent) })),
      );
      if (!sent && files.length === 1) {
        // Storage would not take it from a script: the plain form post still works.
        plain = true;
        form.submit();
        return;
      }
      const released = sent
        ? await fetch((presigned as unknown as Presigned).release, { headers: { accept: 'application/json' } }).catch(
            () => undefined,
          )
        : undefined;
      if (released?.ok) {
        show(say(msgDone, { name: file.name }));
        const page = (await jsonOf(released)).page;
        if (typeof page === 'string') pageAfter = page;
      } else {
        show((released && messageOf(await jsonOf(released))) ?? say(msgFailed, { name: file.name }));
        line.classList.add('text-secondary-dark');
        failed = true;
      }
    }
    // The page (a GET: never a reload, which would post again a page answered to a post) lists every file kept
    // with the virus check's state; after a refusal the messages stay readable instead.
    if (!failed && pageAfter) window.location.assign(pageAfter);
    else input.value = '';
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-upload-form]')) enhance(form);
