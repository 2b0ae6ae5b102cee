import { type Contracts, z } from './contract.ts';

export default {
  staffSignIn: {
    query: {
      return: { description: 'A workspace page (under /api/agency/desk/) to come back to after signing in', schema: z.string() },
      idp: { description: "The identity provider to go straight to (skipping the user pool's chooser)", schema: z.string() },
    },
    responses: {
      302: { description: "To the user pool's sign-in (state, nonce and PKCE kept server-side, one use)", redirect: true },
    },
  },
} satisfies Contracts;
