import { type Contracts, download, error, z } from './contract.ts';

const lang = { description: 'The language of the PDF and of messages: `en` or `es`', schema: z.enum(['en', 'es']) };
const pdf = (who: string) =>
  download(
    `A PDF of the answers sent, with the confirmation code and date (${who}; made on demand, never stored)`,
    'application/pdf',
  );
const badCode = error('The code is not the shape of a confirmation code, or one character is mistyped');

export default {
  downloadSubmissionPdf: {
    request: {
      description: 'The e-mail address given in the answers: with the code, it shows the caller sent them',
      required: true,
      json: z.object({ email: z.string().optional() }),
      form: z.object({ email: z.string().optional() }),
    },
    query: { lang },
    responses: {
      200: pdf('the agency’s own PDF filled in, for a form it also has on paper'),
      400: error('No e-mail address was given, or the code is not the shape of a confirmation code'),
      404: error('No submission has that code and that e-mail address (the same answer for either)'),
    },
  },
  downloadMySubmissionPdf: {
    query: { lang },
    responses: {
      200: pdf('the signed-in person’s own submission'),
      400: badCode,
      404: error('The caller sent no submission with that code'),
    },
  },
  casePdfPage: {
    query: { lang },
    responses: {
      200: pdf('for staff of its agency, from the case page; the download is audited'),
      400: badCode,
      404: error("No such case in the caller's agency"),
    },
  },
} satisfies Contracts;
