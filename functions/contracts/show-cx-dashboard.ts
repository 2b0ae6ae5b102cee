import { VOLUME_CHANNELS } from '#domain/channel-volume';
import { type Contracts, download, error, type RouteContract, z } from './contract.ts';

const channelRow = z.object({
  channel: z.enum(VOLUME_CHANNELS),
  in: z.number().int(),
  out: z.number().int(),
  total: z.number().int(),
});

const dashboard: RouteContract = {
  query: {
    from: { description: 'The first day (YYYY-MM-DD); 90 days before `to` when absent', schema: z.string() },
    to: { description: 'The last day (YYYY-MM-DD); today when absent; at most ~13 months after `from`', schema: z.string() },
    service: { description: 'Only this service', schema: z.string() },
    channel: { description: 'Only this channel', schema: z.string() },
    format: {
      description: '`a11-csv`: the quarterly A-11 report as CSV; `responses-csv`: every anonymous response as CSV',
      schema: z.string(),
    },
  },
  responses: {
    200: {
      description:
        'The dashboard: scores per quarter, the weekly trend, the funnel, exact time to decision (agency and each service), volume by channel, latest comments',
      json: z.looseObject({
        agency: z.string(),
        range: z.looseObject({ from: z.string(), to: z.string() }),
        scores: z.array(z.looseObject({})),
        trend: z.array(
          z.looseObject({ week: z.string().describe('The Monday the week starts on'), responses: z.number().int() }),
        ),
        funnel: z.array(z.looseObject({})),
        timeToDecision: z.looseObject({
          agency: z.looseObject({ decisions: z.number().int() }),
          byService: z.array(z.looseObject({ serviceId: z.string() })),
        }),
        byChannel: z.record(z.string(), z.number()).describe('Forms sent, by web or API (the funnel)'),
        channelVolume: z
          .object({
            agency: z.array(channelRow),
            byService: z.array(z.object({ serviceId: z.string(), rows: z.array(channelRow) })),
          })
          .describe('Every timeline contact per channel and direction: the whole agency, and each service'),
        comments: z.array(
          z.object({ answeredOn: z.string(), serviceId: z.string(), channel: z.string(), task: z.string(), comment: z.string() }),
        ),
      }),
      html: true,
    },
    400: error('A day is not YYYY-MM-DD, or the range is backwards or longer than ~13 months'),
    404: error('No such agency for this caller'),
  },
};

/** `?format=a11-csv` and `?format=responses-csv` answer a CSV file in place of the page. */
const withCsv: RouteContract = {
  ...dashboard,
  responses: {
    ...dashboard.responses,
    200: { ...dashboard.responses[200]!, ...download('', 'text/csv'), description: dashboard.responses[200]!.description },
  },
};

export default { showCxDashboard: withCsv, cxDashboardPage: withCsv } satisfies Contracts;
