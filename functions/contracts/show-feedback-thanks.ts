import { type Contracts, page, z } from './contract.ts';

export default {
  showFeedbackThanks: {
    query: {
      code: { description: 'The confirmation code the survey followed (for the way back)', schema: z.string() },
      payment: { description: 'The payment the survey followed (for the way back)', schema: z.string() },
      nothing: { description: '`1`: nothing was answered', schema: z.string() },
    },
    responses: { 200: page('Thank you, and a link back to where the person was') },
  },
} satisfies Contracts;
