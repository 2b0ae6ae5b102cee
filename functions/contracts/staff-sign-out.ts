import { type Contracts, error } from './contract.ts';

export default {
  staffSignOut: {
    responses: {
      303: {
        description: "The cookie cleared: on to the user pool's sign-out, which comes back to the home page",
        redirect: true,
        headers: { 'set-cookie': 'The cleared session cookie' },
      },
      403: error("Not from the portal's own pages"),
    },
  },
} satisfies Contracts;
