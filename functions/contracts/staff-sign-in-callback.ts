import { type Contracts, error, z } from './contract.ts';

export default {
  staffSignInCallback: {
    query: {
      code: { description: "The user pool's authorization code", schema: z.string() },
      state: {
        description: 'The state the sign-in started with (one use)',
        schema: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
      },
    },
    responses: {
      200: {
        description:
          "Signed in: the workspace's HttpOnly cookie is set and a page moves on (Refresh) to the page asked for, or the queue",
        html: true,
        headers: { refresh: '`0;url=…`: the page to go on to', 'set-cookie': 'The `__Host-fd-staff` session cookie' },
      },
      400: error('The sign-in expired or was used before, or the user pool did not confirm it: sign in again'),
      403: error('Signed in, but not as staff of an agency'),
    },
  },
} satisfies Contracts;
