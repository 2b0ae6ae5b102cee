import { type Contracts, error, page, seeOther, z } from './contract.ts';

export default {
  showResumeForm: {
    query: {
      code: { description: 'The resume code, filled in (the e-mailed link carries it)', schema: z.string() },
      lang: { description: 'The language of the page: `en` or `es`', schema: z.enum(['en', 'es']) },
    },
    responses: { 200: page('The resume code and the date of birth to come back to a saved form') },
  },
  resumeForm: {
    request: {
      description: 'The resume code and the date of birth given when the form was saved',
      required: true,
      json: z.object({ code: z.string(), dateOfBirth: z.string().describe('YYYY-MM-DD') }),
      form: z.record(z.string(), z.string()).describe('`code`, `dateOfBirth-month`, `dateOfBirth-day`, `dateOfBirth-year`'),
    },
    responses: {
      200: {
        description: 'The code and date match: the page the person left',
        json: z.object({ next: z.string() }),
        headers: { location: 'The page the person left' },
      },
      303: seeOther('A plain form post: to the page the person left (or where a sent form stands)'),
      400: error('The JSON is not an object'),
      422: error(
        'The code is mistyped, or the code and date of birth match no saved form (five wrong dates lock the code): `fields` says which',
      ),
    },
  },
} satisfies Contracts;
