import { type Contracts, error, timestamp, z } from './contract.ts';

const choice = z.enum(['email', 'sms', 'both', 'none']);
const preferences = z
  .object({
    choices: z
      .object({
        submitted: choice.optional(),
        'status-changed': choice.optional(),
        'staff-message': choice.optional(),
        paid: choice.optional(),
      })
      .describe('Per kind of notice; absent: both channels the person gave'),
    locale: z.enum(['en', 'es']).optional(),
    updatedAt: timestamp.optional(),
  })
  .meta({ id: 'NotificationPreferences' });

export default {
  showMyPreferences: {
    responses: {
      200: {
        description: "The caller's notification preferences, and their addresses our last e-mail could not reach",
        json: z.object({
          preferences,
          unreachable: z.array(z.object({ address: z.string(), state: z.enum(['bounced', 'complained']), at: timestamp })),
        }),
      },
    },
  },
  saveMyPreferences: {
    request: {
      description:
        'Per kind (`submitted`, `status-changed`, `staff-message`, `paid`): `email`, `sms`, `both` or `none` (not for receipts), and `locale`',
      required: true,
      json: z.record(z.string(), z.string()),
    },
    responses: {
      200: { description: 'Saved', json: z.object({ preferences }) },
      422: error('A choice is not one, or "none" for a receipt: `fields` names each'),
    },
  },
} satisfies Contracts;
