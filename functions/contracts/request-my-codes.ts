import { type Contracts, error, page, seeOther, z } from './contract.ts';

const lang = { description: 'The language of the page and of the e-mail: `en` or `es`', schema: z.enum(['en', 'es']) };

export default {
  requestMyCodes: {
    request: {
      description:
        'The e-mail address the person applied with. The answer never says whether it made any submission; the codes go to that address (decision 73)',
      required: true,
      json: z.object({ email: z.string(), lang: z.enum(['en', 'es']).optional() }),
      form: z.object({ email: z.string(), lang: z.enum(['en', 'es']).optional() }),
    },
    responses: {
      202: {
        description: 'Taken: the same words whatever the address (at most three e-mails an hour go to one address)',
        json: z.object({ message: z.string() }),
      },
      303: seeOther('A plain form post was taken: to the "check your e-mail" page'),
      422: error('The address is not one: `fields` names `email` (a form post gets the form again, marked)'),
    },
  },
  showCodesRequested: {
    query: { lang },
    responses: { 200: page('"Check your e-mail", the same page whatever the address') },
  },
} satisfies Contracts;
