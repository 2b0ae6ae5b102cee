/**
 * Finding a PDF field's visible label from the words printed near it. Pure geometry on PDF user space
 * (points, y upwards): text runs from the page (pdfjs, through unpdf) against the fields' widget rectangles.
 *
 * Real forms put the label in different places, and each place wins on some form (../shared/TOOLCHAIN.md):
 * - left of the box on the same line ("NAME: [____]", the Kansas civil cover sheet);
 * - under the box in small type ("[____] / first", the Alabama petition's name rows);
 * - above it, as a column heading over a stack of boxes ("(Name)" over five rows of children);
 * - only in the field's tooltip (/TU), which screen readers read and which some forms write carefully.
 * A descriptive tooltip (three words or more) is what the form's author wrote for exactly this field, so it wins;
 * otherwise the nearest printed words do, and a short tooltip ("NAME") comes last.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One run of text as the page draws it: x, baseline y, width and font height. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Runs on one line with small gaps between them, read as one phrase. */
export interface Phrase extends Rect {
  text: string;
}

export interface Widget {
  /** The field it belongs to (several widgets may share one field: a radio group's buttons). */
  field: string;
  page: number;
  rect: Rect;
}

export type LabelSource = 'tooltip' | 'left' | 'below' | 'above' | 'right' | 'name';

export interface FoundLabel {
  text: string;
  source: LabelSource;
}

const right = (r: Rect) => r.x + r.width;
const top = (r: Rect) => r.y + r.height;

/** Runs on the same baseline whose gap is under a few points are one phrase; underscores are blanks to write on. */
export function phrasesOf(runs: readonly TextRun[]): Phrase[] {
  const cleaned = runs
    .map((run) => {
      const text = run.text.replace(/\s+/g, ' ');
      // "(county):______" — the underscores are the line to write on, not words; shorten the run to its words.
      const kept = text.replace(/_{2,}.*$/, '').trimEnd();
      const width = kept.length < text.length ? (run.width * kept.length) / Math.max(text.length, 1) : run.width;
      return { ...run, text: kept, width };
    })
    .filter((run) => /[\p{L}\p{N}]/u.test(run.text));
  cleaned.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of cleaned) {
    const line = lines.find((candidate) => Math.abs((candidate[0]?.y ?? 0) - run.y) < 2.5);
    if (line) line.push(run);
    else lines.push([run]);
  }
  const phrases: Phrase[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current: Phrase | undefined;
    for (const run of line) {
      const gap = current ? run.x - right(current) : Number.POSITIVE_INFINITY;
      if (current && gap < Math.max(6, run.height * 0.6)) {
        current.text = `${current.text} ${run.text.trim()}`.replace(/\s+/g, ' ');
        current.width = right(run) - current.x;
        current.height = Math.max(current.height, run.height);
      } else {
        if (current) phrases.push(current);
        current = { text: run.text.trim(), x: run.x, y: run.y, width: run.width, height: run.height };
      }
    }
    if (current) phrases.push(current);
  }
  // A lone glyph (a bullet, a dingbat number) is decoration, not a label.
  return phrases.filter((phrase) => phrase.text.replace(/[^\p{L}\p{N}]/gu, '').length > 1);
}

const sameLine = (phrase: Phrase, box: Rect) =>
  phrase.y + phrase.height * 0.5 >= box.y - 2 && phrase.y <= top(box) + 1 && phrase.y >= box.y - 4;

const overlapsColumn = (phrase: Phrase, box: Rect) => {
  const middle = phrase.x + phrase.width / 2;
  return middle >= box.x - 2 && middle <= right(box) + 2;
};

/** Whether any other widget lies between a phrase's right end and the box on their line. */
function blocked(phrase: Phrase, box: Rect, others: readonly Rect[]): boolean {
  return others.some(
    (other) =>
      other !== box &&
      Math.abs(other.y - box.y) < Math.max(box.height, other.height) &&
      other.x >= right(phrase) - 1 &&
      right(other) <= box.x + 1,
  );
}

/** The phrase just left of the box on its line, with nothing (another box) in between. */
export function leftPhrase(box: Rect, phrases: readonly Phrase[], others: readonly Rect[]): Phrase | undefined {
  const candidates = phrases.filter(
    (phrase) =>
      sameLine(phrase, box) &&
      phrase.x < box.x &&
      right(phrase) <= box.x + Math.min(10, box.width / 2) &&
      box.x - right(phrase) < 180 &&
      !blocked(phrase, box, others),
  );
  return candidates.sort((a, b) => right(b) - right(a))[0];
}

/** The phrase just right of a small box (a check box's or a radio button's words). */
export function rightPhrase(box: Rect, phrases: readonly Phrase[]): Phrase | undefined {
  const candidates = phrases.filter(
    (phrase) => sameLine(phrase, box) && phrase.x >= right(box) - 2 && phrase.x - right(box) < 30,
  );
  return candidates.sort((a, b) => a.x - b.x)[0];
}

/** Small words tucked under the box ("first", "city", "(Name)"). */
export function belowPhrase(box: Rect, phrases: readonly Phrase[]): Phrase | undefined {
  const candidates = phrases.filter((phrase) => {
    const gap = box.y - top(phrase);
    return gap >= -3 && gap <= 6 && overlapsColumn(phrase, box) && phrase.x >= box.x - 4;
  });
  return candidates.sort((a, b) => b.y - a.y)[0];
}

/**
 * The heading over the box's column: the phrase (with the lines stacked right above it) just over the box, or
 * over the first of a stack of boxes of the same column (a table's rows share its column heading).
 */
export function abovePhrase(box: Rect, phrases: readonly Phrase[], others: readonly Rect[]): Phrase | undefined {
  let head = box;
  for (;;) {
    const stacked = others.find(
      (other) =>
        other !== head &&
        Math.abs(other.x - head.x) < 3 &&
        Math.abs(other.width - head.width) < 3 &&
        other.y > top(head) - 1 &&
        other.y - top(head) < 12,
    );
    if (!stacked) break;
    head = stacked;
  }
  const near = phrases
    .filter((phrase) => phrase.y >= top(head) - 3 && phrase.y - top(head) <= 16 && overlapsColumn(phrase, head))
    .sort((a, b) => a.y - b.y)[0];
  if (!near) return undefined;
  // A heading written on two or three lines ("(Firm Name, Address, …" / "Court ID Number)"): read them together.
  const lines = [near];
  for (;;) {
    const last = lines[lines.length - 1] as Phrase;
    const over = phrases.find(
      (phrase) => Math.abs(phrase.x - last.x) < 3 && phrase.y > last.y && phrase.y - last.y <= last.height * 1.6,
    );
    if (!over || lines.length >= 3) break;
    lines.push(over);
  }
  const text = lines
    .reverse()
    .map((line) => line.text)
    .join(' ');
  return { ...near, text };
}

const ACRONYMS = new Set(['ID', 'SSN', 'DOB', 'DL', 'ZIP', 'PO', 'US', 'USA', 'CH']);

/** A label as the catalog writes one: no trailing colon or dollar sign, sentence case for SHOUTED text. */
export function cleanLabel(raw: string): string {
  let text = raw
    .replace(/\s+/g, ' ')
    .replace(/[\s:$#_*,]+$/u, '')
    .replace(/^[\s:•*]+/u, '')
    .trim();
  // Acrobat's numbering of duplicates ("ADDRESS [2]") reads as "Address 2".
  text = text.replace(/\s*\[(\d+)\]/g, ' $1').trim();
  text = text.replace(/^(please\s+)?(continue\s+)?(type|typing|enter|write)\s+(in\s+)?/i, '');
  if (!/\p{Ll}/u.test(text)) {
    text = text
      .split(' ')
      .map((word) => (ACRONYMS.has(word.replace(/[^A-Z]/g, '')) ? word : word.toLowerCase()))
      .join(' ');
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A tooltip that says more than a word or two, and is not Acrobat's "undefined" placeholder. */
export function descriptiveTooltip(tooltip: string | undefined): boolean {
  if (!tooltip) return false;
  const words = tooltip
    .replace(/\[\d+\]/g, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words.length >= 3 && !/^undefined/i.test(tooltip);
}

function usableTooltip(tooltip: string | undefined): boolean {
  return Boolean(tooltip && /\p{L}/u.test(tooltip.replace(/\[\d+\]/g, '')) && !/^undefined(_\d+)?$/i.test(tooltip.trim()));
}

export interface LabelInput {
  /** The field's first widget on its page. */
  box: Rect;
  kind: 'text' | 'checkbox' | 'radio' | 'select';
  tooltip?: string | undefined;
  phrases: readonly Phrase[];
  /** Every widget rectangle on the page (this one included). */
  boxes: readonly Rect[];
  /** Phrases that are another field's left label: never a heading or an under-box label of this one. */
  taken: ReadonlySet<Phrase>;
}

/** The label a person would read for the field, and where it came from; undefined when nothing fits. */
export function findLabel(input: LabelInput): FoundLabel | undefined {
  const { box, tooltip, phrases, boxes, taken } = input;
  if (descriptiveTooltip(tooltip)) return { text: cleanLabel(tooltip as string), source: 'tooltip' };
  const free = phrases.filter((phrase) => !taken.has(phrase));
  if (input.kind === 'checkbox') {
    const words = rightPhrase(box, phrases);
    if (words) return { text: cleanLabel(words.text), source: 'right' };
  }
  const left = leftPhrase(box, phrases, boxes);
  const below = belowPhrase(box, free);
  if (left && below && below.text.split(' ').length <= 3)
    return { text: `${cleanLabel(left.text)}: ${below.text.replace(/[()]/g, '').trim()}`, source: 'left' };
  if (left) return { text: cleanLabel(left.text), source: 'left' };
  if (below) return { text: cleanLabel(below.text.replace(/^\((.*)\)$/, '$1')), source: 'below' };
  const above = abovePhrase(box, free, boxes);
  if (above) return { text: cleanLabel(above.text.replace(/^\((.*)\)$/, '$1')), source: 'above' };
  if (usableTooltip(tooltip)) return { text: cleanLabel(tooltip as string), source: 'tooltip' };
  return undefined;
}

/** Every phrase that is some box's left label (each is that box's, not a heading for another). */
export function leftLabels(phrases: readonly Phrase[], boxes: readonly Rect[]): Set<Phrase> {
  const taken = new Set<Phrase>();
  for (const box of boxes) {
    const phrase = leftPhrase(box, phrases, boxes);
    if (phrase) taken.add(phrase);
  }
  return taken;
}

/**
 * Section headings: SHOUTED phrases in type at least 9 pt that are nobody's label ("PLAINTIFF/SUBJECT
 * INFORMATION"). The paper's sections become the web form's pages.
 */
export function headingsOf(phrases: readonly Phrase[], taken: ReadonlySet<Phrase>): Phrase[] {
  return phrases.filter(
    (phrase) =>
      !taken.has(phrase) &&
      phrase.height >= 9 &&
      !/\p{Ll}/u.test(phrase.text) &&
      phrase.text.replace(/[^\p{L}]/gu, '').length >= 8,
  );
}

/** The heading a box sits under: the nearest above it that starts left of it (the rightmost of a row of headings). */
export function sectionOf(box: Rect, headings: readonly Phrase[]): Phrase | undefined {
  const above = headings.filter((heading) => heading.y > top(box) - 1 && heading.x <= box.x + 5);
  if (above.length === 0) return undefined;
  const nearest = Math.min(...above.map((heading) => heading.y - top(box)));
  return above.filter((heading) => heading.y - top(box) < nearest + 15).sort((a, b) => b.x - a.x)[0];
}
