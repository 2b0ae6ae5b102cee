import { AGREEMENT_SCALE, COMMENT_MAX_LENGTH, FEEDBACK_QUESTIONS, FEEDBACK_TASKS } from '#domain/feedback-survey';
import { type Contracts, error, seeOther, z } from './contract.ts';

const agreement = z
  .enum(AGREEMENT_SCALE.map(String) as [string, ...string[]])
  .describe('1 strongly disagree … 5 strongly agree; blank or absent: no answer');

const fields = z.object({
  task: z.enum(FEEDBACK_TASKS).describe('The task the survey follows'),
  code: z.string().optional().describe('The confirmation code (tasks `apply`, `status`, `staff-reply`)'),
  payment: z.string().optional().describe('The payment id (task `pay`)'),
  ...Object.fromEntries(FEEDBACK_QUESTIONS.map((question) => [question, agreement.optional()])),
  comment: z
    .string()
    .optional()
    .describe(`Free text, up to ${COMMENT_MAX_LENGTH} characters (e-mail addresses, phone numbers and codes are removed)`),
  lang: z.string().optional(),
});

const day = z.string().describe('YYYY-MM-DD (UTC)');

export default {
  submitFeedback: {
    request: {
      description:
        "The survey's answers (every question optional) and which transaction it follows; kept anonymously, one per transaction",
      required: true,
      json: fields,
      form: fields,
    },
    responses: {
      200: {
        description: 'Kept (answering again replaced the earlier answers), or nothing was answered',
        json: z.union([
          z.object({ saved: z.literal(false) }),
          z.object({
            saved: z.literal(true),
            task: z.enum(FEEDBACK_TASKS),
            scores: z.partialRecord(z.enum(FEEDBACK_QUESTIONS), z.number().int().min(1).max(5)),
            comment: z.string().optional(),
            answeredOn: day,
            updatedOn: day,
          }),
        ]),
      },
      303: seeOther('A plain form post: to the thanks page'),
      422: error('A value off the scale, a question this task does not ask, a comment too long, or no such transaction'),
    },
  },
} satisfies Contracts;
