import { type Contracts, error, timestamp, z } from './contract.ts';

const draft = z.object({
  draftId: z.string(),
  formId: z.string(),
  formTitle: z.string(),
  updatedAt: timestamp,
  expiresAt: timestamp.describe('When the draft is deleted (30 days after its last change)'),
  continueUrl: z.string().describe('Where "Continue" posts (continueMyDraft)'),
});

export default {
  listMyDrafts: {
    responses: {
      200: {
        description: "The caller's own unfinished forms, newest first (at most 50)",
        json: z.object({ drafts: z.array(draft) }),
      },
    },
  },
  continueMyDraft: {
    responses: {
      200: {
        description: "This browser gets the draft's key cookie; the page the person left",
        json: z.object({ next: z.string() }),
        headers: { location: 'The page the person left', 'set-cookie': "The draft's key (HttpOnly)" },
      },
      404: error("No such draft of the caller's (someone else's, sent, or expired)"),
    },
  },
} satisfies Contracts;
