/**
 * Questions answered in several boxes: a US address and a person's name. Each part is posted as
 * `<name>-<part>` (like a memorable date's boxes) and the answer is an object of the parts given. One list of
 * parts for the schema, the reader of form posts, the renderer and the messages. No imports: the browser uses it.
 */
export type PartsType = 'address' | 'name';

export interface Part {
  part: string;
  required: boolean;
  maxLength: number;
  /** A regular expression the part must match whole. */
  pattern?: string;
  autocomplete: string;
}

export const QUESTION_PARTS: Record<PartsType, Part[]> = {
  address: [
    { part: 'street1', required: true, maxLength: 120, autocomplete: 'address-line1' },
    { part: 'street2', required: false, maxLength: 120, autocomplete: 'address-line2' },
    { part: 'city', required: true, maxLength: 80, autocomplete: 'address-level2' },
    { part: 'state', required: true, maxLength: 2, autocomplete: 'address-level1' },
    { part: 'zip', required: true, maxLength: 10, pattern: '[0-9]{5}(-[0-9]{4})?', autocomplete: 'postal-code' },
  ],
  name: [
    { part: 'given', required: true, maxLength: 80, autocomplete: 'given-name' },
    { part: 'middle', required: false, maxLength: 80, autocomplete: 'additional-name' },
    { part: 'family', required: true, maxLength: 80, autocomplete: 'family-name' },
  ],
};

export function isPartsType(type: string): type is PartsType {
  return type === 'address' || type === 'name';
}

export const partName = (name: string, part: string) => `${name}-${part}`;

/** The states, the District of Columbia and the territories, by USPS code (the address's `state` part). */
export const US_STATES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  AS: 'American Samoa',
  GU: 'Guam',
  MP: 'Northern Mariana Islands',
  PR: 'Puerto Rico',
  VI: 'U.S. Virgin Islands',
};

/** The parts as posted, as one answer: undefined when every box is empty; empty optional parts left out. */
export function partsAnswer(type: PartsType, read: (part: string) => string): Record<string, string> | undefined {
  const parts = Object.fromEntries(
    QUESTION_PARTS[type].flatMap(({ part }) => {
      const value = read(part).trim();
      return value === '' ? [] : [[part, part === 'state' ? value.toUpperCase() : value]];
    }),
  );
  return Object.keys(parts).length === 0 ? undefined : parts;
}
