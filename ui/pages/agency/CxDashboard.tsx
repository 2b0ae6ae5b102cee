/**
 * The agency's CX dashboard (decision 0102): survey scores per question and quarter, the funnel per form with
 * the biggest drop-off marked, time to decision, volume by channel, the latest comments and the A-11 export.
 * Charts are server-rendered SVG with a title and a description, each beside a table of the same numbers, so
 * the page needs no JavaScript and reads the same to everyone.
 */
import type { ChannelVolumeRow } from '#domain/channel-volume';
import type { CxDashboard } from '#domain/cx-dashboard';
import type { DecisionTimes, QuarterScores } from '#domain/cx-scores';
import { TREND_QUESTIONS, type TrendQuestion, type TrendWeek } from '#domain/cx-trend';
import { Button } from '../../components/Button.tsx';
import { Link } from '../../components/Link.tsx';
import { Table } from '../../components/Table.tsx';
import { TextInput } from '../../form/TextInput.tsx';
import type { Lang } from '../../lang.ts';
import { apiPath } from '../../paths.ts';
import type { PageView } from '../view.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Horizontal bars, 0–100%, one per question, with the interval as a line; scales to any width by its viewBox. */
export function AgreeChart({ lang, scores, id }: { lang: Lang; scores: QuarterScores; id: string }) {
  const rowHeight = 28;
  const labelWidth = 120;
  const barWidth = 200;
  const height = scores.questions.length * rowHeight + 8;
  return (
    <svg
      class="portal-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${labelWidth + barWidth + 50} ${height}`}
      width="100%"
      data-cx-chart={scores.quarter}
    >
      <title id={`${id}-title`}>{lang.t('cx.chartTitle', { quarter: scores.quarter })}</title>
      <desc id={`${id}-desc`}>{lang.t('cx.chartDesc')}</desc>
      {scores.questions.map((score, index) => {
        const y = index * rowHeight + 4;
        return (
          <g key={score.question} data-cx-bar={score.question}>
            <text x={labelWidth - 6} y={y + 16} text-anchor="end" font-size="12" fill="#1b1b1b">
              {lang.t(`feedback.q.${score.question}.short`)}
            </text>
            <rect x={labelWidth} y={y + 4} width={barWidth} height={16} fill="#dfe1e2" />
            <rect x={labelWidth} y={y + 4} width={barWidth * score.agreeShare} height={16} fill="#005ea2" />
            <line
              x1={labelWidth + barWidth * score.interval[0]}
              x2={labelWidth + barWidth * score.interval[1]}
              y1={y + 12}
              y2={y + 12}
              stroke="#1b1b1b"
              stroke-width="2"
            />
            <text x={labelWidth + barWidth + 6} y={y + 16} font-size="12" fill="#1b1b1b">
              {percent(score.agreeShare)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The points of one line of the trend chart, split where a week has no answers (a gap, not a fall to 0%):
 * each run of weeks with answers is one polyline's `points`.
 */
export function trendRuns(
  weeks: readonly TrendWeek[],
  question: TrendQuestion,
  box: { left: number; top: number; width: number; height: number },
): string[] {
  const step = weeks.length > 1 ? box.width / (weeks.length - 1) : 0;
  const runs: string[][] = [[]];
  weeks.forEach((week, index) => {
    const share = week[question].agreeShare;
    if (share === undefined) {
      if ((runs.at(-1) as string[]).length > 0) runs.push([]);
      return;
    }
    const x = box.left + (weeks.length > 1 ? index * step : box.width / 2);
    const y = box.top + box.height * (1 - share);
    (runs.at(-1) as string[]).push(`${x.toFixed(1)},${y.toFixed(1)}`);
  });
  return runs.filter((run) => run.length > 0).map((run) => run.join(' '));
}

const TREND_STYLE: Record<TrendQuestion, { stroke: string; dash?: string }> = {
  satisfaction: { stroke: '#005ea2' },
  trust: { stroke: '#1b1b1b', dash: '5 3' },
};

/** Satisfaction and trust week by week, 0–100%, as lines (a single point draws as a dot). */
export function TrendChart({
  lang,
  weeks,
  id,
  range,
}: {
  lang: Lang;
  weeks: readonly TrendWeek[];
  id: string;
  range: { from: string; to: string };
}) {
  const box = { left: 40, top: 10, width: 300, height: 120 };
  return (
    <svg
      class="portal-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${box.left + box.width + 20} ${box.top + box.height + 40}`}
      width="100%"
      data-cx-trend-chart
    >
      <title id={`${id}-title`}>{lang.t('cx.trendTitle', { from: range.from, to: range.to })}</title>
      <desc id={`${id}-desc`}>{lang.t('cx.trendDesc')}</desc>
      {[0, 0.5, 1].map((share) => {
        const y = box.top + box.height * (1 - share);
        return (
          <g key={share}>
            <line x1={box.left} x2={box.left + box.width} y1={y} y2={y} stroke="#dfe1e2" stroke-width="1" />
            <text x={box.left - 6} y={y + 4} text-anchor="end" font-size="11" fill="#1b1b1b">
              {percent(share)}
            </text>
          </g>
        );
      })}
      {TREND_QUESTIONS.map((question) => {
        const style = TREND_STYLE[question];
        return (
          <g key={question} data-cx-trend={question}>
            {trendRuns(weeks, question, box).map((points) =>
              points.includes(' ') ? (
                <polyline
                  key={points}
                  points={points}
                  fill="none"
                  stroke={style.stroke}
                  stroke-width="2"
                  {...(style.dash && { 'stroke-dasharray': style.dash })}
                />
              ) : (
                <circle key={points} cx={points.split(',')[0]} cy={points.split(',')[1]} r="3" fill={style.stroke} />
              ),
            )}
          </g>
        );
      })}
      {TREND_QUESTIONS.map((question, index) => (
        <text
          key={question}
          x={box.left + index * 150}
          y={box.top + box.height + 30}
          font-size="12"
          fill={TREND_STYLE[question].stroke}
        >
          {`${index === 0 ? '—' : '- -'} ${lang.t(`feedback.q.${question}.short`)}`}
        </text>
      ))}
    </svg>
  );
}

/**
 * Contacts per channel as horizontal bars, in (dark) then out (light) stacked, scaled to the busiest channel; the
 * count is printed at each bar's end, and the table after the chart holds the same numbers.
 */
export function ChannelChart({
  lang,
  rows,
  id,
  title,
}: {
  lang: Lang;
  rows: readonly ChannelVolumeRow[];
  id: string;
  title: string;
}) {
  const rowHeight = 28;
  const labelWidth = 130;
  const barWidth = 190;
  const legend = 24;
  const most = Math.max(1, ...rows.map((row) => row.total));
  const height = rows.length * rowHeight + legend + 8;
  return (
    <svg
      class="portal-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${labelWidth + barWidth + 70} ${height}`}
      width="100%"
      data-cx-channel-chart={id}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{lang.t('cx.volumeDesc')}</desc>
      {rows.map((row, index) => {
        const y = index * rowHeight + 4;
        const inWidth = (barWidth * Math.max(0, row.in)) / most;
        const outWidth = (barWidth * Math.max(0, row.out)) / most;
        return (
          <g key={row.channel} data-cx-channel-bar={row.channel}>
            <text x={labelWidth - 6} y={y + 16} text-anchor="end" font-size="12" fill="#1b1b1b">
              {lang.t(`cx.volume.${row.channel}`)}
            </text>
            <rect x={labelWidth} y={y + 4} width={inWidth} height={16} fill="#005ea2" />
            <rect x={labelWidth + inWidth} y={y + 4} width={outWidth} height={16} fill="#97d4ea" stroke="#005ea2" />
            <text x={labelWidth + inWidth + outWidth + 6} y={y + 16} font-size="12" fill="#1b1b1b">
              {String(row.total)}
            </text>
          </g>
        );
      })}
      <g data-cx-channel-legend>
        <rect x={labelWidth} y={height - legend} width={12} height={12} fill="#005ea2" />
        <text x={labelWidth + 16} y={height - legend + 11} font-size="12" fill="#1b1b1b">
          {lang.t('cx.legend.in')}
        </text>
        <rect x={labelWidth + 90} y={height - legend} width={12} height={12} fill="#97d4ea" stroke="#005ea2" />
        <text x={labelWidth + 106} y={height - legend + 11} font-size="12" fill="#1b1b1b">
          {lang.t('cx.legend.out')}
        </text>
      </g>
    </svg>
  );
}

/** One chart and its table: the agency's or one service's contacts by channel. */
function ChannelVolumeBlock({
  lang,
  rows,
  id,
  who,
  range,
}: {
  lang: Lang;
  rows: readonly ChannelVolumeRow[];
  id: string;
  who: string;
  range: { from: string; to: string };
}) {
  const title = lang.t('cx.volumeTitle', { who, from: range.from, to: range.to });
  return (
    <>
      <ChannelChart lang={lang} rows={rows} id={id} title={title} />
      <Table
        caption={title}
        columns={[
          { key: 'channel', header: lang.t('cx.col.channel'), cell: (r) => lang.t(`cx.volume.${r.channel}`) },
          { key: 'in', header: lang.t('cx.col.in'), cell: (r) => String(r.in) },
          { key: 'out', header: lang.t('cx.col.out'), cell: (r) => String(r.out) },
          { key: 'total', header: lang.t('cx.col.total'), cell: (r) => String(r.total) },
        ]}
        rows={[...rows]}
        rowKey={(r) => r.channel}
      />
    </>
  );
}

function trendCell(lang: Lang, week: TrendWeek, question: TrendQuestion): string {
  const point = week[question];
  return point.agreeShare === undefined ? lang.t('cx.none') : `${percent(point.agreeShare)} (${point.responses})`;
}

function stepLabel(lang: Lang, step: string): string {
  return step.startsWith('page_')
    ? lang.t('cx.step.page', { page: step.slice(5) })
    : lang.t(`cx.step.${step.replaceAll('_', '-')}`);
}

function Filters({ lang, dashboard, route }: { lang: Lang; dashboard: CxDashboard; route: DashboardRoute }) {
  const { range } = dashboard;
  return (
    <form class="usa-form" method="get" action={apiPath(route, { agency: dashboard.agency })}>
      <input type="hidden" name="lang" value={lang.locale} />
      <fieldset class="usa-fieldset">
        <legend class="usa-legend">{lang.t('cx.filters')}</legend>
        <TextInput id="cx-from" name="from" label={lang.t('cx.from')} value={range.from} width="medium" />
        <TextInput id="cx-to" name="to" label={lang.t('cx.to')} value={range.to} width="medium" />
        <TextInput id="cx-service" name="service" label={lang.t('cx.service')} value={range.serviceId ?? ''} />
        <TextInput id="cx-channel" name="channel" label={lang.t('cx.channel')} value={range.channel ?? ''} width="medium" />
      </fieldset>
      <Button>{lang.t('cx.apply')}</Button>
    </form>
  );
}

/** The route the page is answered on: the staff pages' cookie route, or the Bearer JSON route asked for HTML. */
export type DashboardRoute = 'cxDashboardPage' | 'showCxDashboard';

export function cxDashboardPage(
  lang: Lang,
  dashboard: CxDashboard,
  options: { altHref: string; route?: DashboardRoute },
): PageView {
  const route = options.route ?? 'showCxDashboard';
  const heading = lang.t('cx.title');
  const { range } = dashboard;
  const csvHref = (format: 'a11-csv' | 'responses-csv') =>
    apiPath(
      route,
      { agency: dashboard.agency },
      {
        format,
        from: range.from,
        to: range.to,
        ...(range.serviceId && { service: range.serviceId }),
        ...(range.channel && { channel: range.channel }),
      },
    );
  const exportHref = csvHref('a11-csv');
  const responsesHref = csvHref('responses-csv');
  const channels = Object.entries(dashboard.byChannel).map(([channel, count]) => ({ channel, count }));
  return {
    title: heading,
    altHref: options.altHref,
    content: (
      <div data-cx-dashboard={dashboard.agency}>
        <h1>{heading}</h1>
        <p class="usa-intro">{lang.t('cx.intro')}</p>
        <Filters lang={lang} dashboard={dashboard} route={route} />

        <section class="portal-section" aria-labelledby="cx-scores">
          <h2 id="cx-scores">{lang.t('cx.scoresHeading')}</h2>
          {dashboard.scores.length === 0 && <p>{lang.t('cx.noResponses')}</p>}
          {dashboard.scores.map((quarter, index) => (
            <div key={quarter.quarter} data-cx-quarter={quarter.quarter}>
              <h3>{lang.t('cx.responsesIn', { count: quarter.responses, quarter: quarter.quarter })}</h3>
              <AgreeChart lang={lang} scores={quarter} id={`cx-chart-${index}`} />
              <Table
                caption={lang.t('cx.chartTitle', { quarter: quarter.quarter })}
                columns={[
                  { key: 'q', header: lang.t('cx.col.question'), cell: (s) => lang.t(`feedback.q.${s.question}.short`) },
                  { key: 'n', header: lang.t('cx.col.responses'), cell: (s) => String(s.responses) },
                  { key: 'mean', header: lang.t('cx.col.mean'), cell: (s) => s.mean.toFixed(2) },
                  { key: 'agree', header: lang.t('cx.col.agree'), cell: (s) => percent(s.agreeShare) },
                  {
                    key: 'ci',
                    header: lang.t('cx.col.interval'),
                    cell: (s) => `${percent(s.interval[0])}–${percent(s.interval[1])}`,
                  },
                ]}
                rows={quarter.questions}
                rowKey={(s) => s.question}
              />
            </div>
          ))}
        </section>

        <section class="portal-section" aria-labelledby="cx-trend">
          <h2 id="cx-trend">{lang.t('cx.trendHeading')}</h2>
          {dashboard.trend.every((week) => week.responses === 0) ? (
            <p>{lang.t('cx.noResponses')}</p>
          ) : (
            <>
              <TrendChart lang={lang} weeks={dashboard.trend} id="cx-trend-chart" range={range} />
              <Table
                caption={lang.t('cx.trendTitle', { from: range.from, to: range.to })}
                columns={[
                  { key: 'week', header: lang.t('cx.col.week'), cell: (w) => w.week },
                  { key: 'n', header: lang.t('cx.col.responses'), cell: (w) => String(w.responses) },
                  ...TREND_QUESTIONS.map((question) => ({
                    key: question,
                    header: lang.t(`feedback.q.${question}.short`),
                    cell: (w: TrendWeek) => trendCell(lang, w, question),
                  })),
                ]}
                rows={dashboard.trend}
                rowKey={(w) => w.week}
              />
            </>
          )}
        </section>

        <section class="portal-section" aria-labelledby="cx-funnel">
          <h2 id="cx-funnel">{lang.t('cx.funnelHeading')}</h2>
          {dashboard.funnel.length === 0 && <p>{lang.t('cx.noFunnel')}</p>}
          {dashboard.funnel.map((form) => (
            <div key={form.formId} data-cx-funnel={form.formId}>
              <Table
                caption={form.formId}
                columns={[
                  {
                    key: 'step',
                    header: lang.t('cx.col.step'),
                    cell: (s) =>
                      s.step === form.biggestDropOff ? (
                        <strong data-cx-biggest-drop>
                          {stepLabel(lang, s.step)} ({lang.t('cx.biggestDropOff')})
                        </strong>
                      ) : (
                        stepLabel(lang, s.step)
                      ),
                  },
                  { key: 'count', header: lang.t('cx.col.count'), cell: (s) => String(s.count) },
                  {
                    key: 'drop',
                    header: lang.t('cx.col.dropOff'),
                    cell: (s) => (s.dropOff === undefined ? lang.t('cx.none') : percent(s.dropOff)),
                  },
                ]}
                rows={form.steps}
                rowKey={(s) => s.step}
              />
              <p>{lang.t('cx.statusChecks', { count: form.statusChecks })}</p>
            </div>
          ))}
        </section>

        <section class="portal-section" aria-labelledby="cx-decisions">
          <h2 id="cx-decisions">{lang.t('cx.decisionHeading')}</h2>
          <p>{lang.t('cx.decisionNote')}</p>
          <Table
            caption={lang.t('cx.decisionHeading')}
            captionHidden
            columns={[
              {
                key: 'who',
                header: lang.t('cx.col.service'),
                cell: (row: { serviceId?: string; times: DecisionTimes }) => row.serviceId ?? lang.t('cx.decisionAgency'),
              },
              { key: 'n', header: lang.t('cx.decisions'), cell: (row) => String(row.times.decisions) },
              { key: 'median', header: lang.t('cx.median'), cell: (row) => String(row.times.medianDays ?? lang.t('cx.none')) },
              { key: 'p90', header: lang.t('cx.p90'), cell: (row) => String(row.times.p90Days ?? lang.t('cx.none')) },
            ]}
            rows={[
              { times: dashboard.timeToDecision.agency } as { serviceId?: string; times: DecisionTimes },
              ...dashboard.timeToDecision.byService,
            ]}
            rowKey={(row) => row.serviceId ?? ''}
          />
        </section>

        <section class="portal-section" aria-labelledby="cx-volume" data-cx-volume>
          <h2 id="cx-volume">{lang.t('cx.volumeHeading')}</h2>
          <p>{lang.t('cx.volumeNote')}</p>
          {dashboard.channelVolume.agency.length === 0 ? (
            <p>{lang.t('cx.noVolume')}</p>
          ) : (
            <>
              <div data-cx-volume-for="agency">
                <h3>{lang.t('cx.volumeAgency')}</h3>
                <ChannelVolumeBlock
                  lang={lang}
                  rows={dashboard.channelVolume.agency}
                  id="cx-volume-agency"
                  who={lang.t('cx.volumeAgency')}
                  range={range}
                />
              </div>
              {dashboard.channelVolume.byService.map((service, index) => (
                <div key={service.serviceId} data-cx-volume-for={service.serviceId}>
                  <h3>{lang.t('cx.volumeService', { service: service.serviceId })}</h3>
                  <ChannelVolumeBlock
                    lang={lang}
                    rows={service.rows}
                    id={`cx-volume-${index}`}
                    who={lang.t('cx.volumeService', { service: service.serviceId })}
                    range={range}
                  />
                </div>
              ))}
            </>
          )}
        </section>

        <section class="portal-section" aria-labelledby="cx-channels">
          <h2 id="cx-channels">{lang.t('cx.channelHeading')}</h2>
          {channels.length === 0 ? (
            <p>{lang.t('cx.noFunnel')}</p>
          ) : (
            <Table
              caption={lang.t('cx.channelHeading')}
              captionHidden
              columns={[
                { key: 'channel', header: lang.t('cx.col.channel'), cell: (c) => c.channel },
                { key: 'count', header: lang.t('cx.col.count'), cell: (c) => String(c.count) },
              ]}
              rows={channels}
              rowKey={(c) => c.channel}
            />
          )}
        </section>

        <section class="portal-section" aria-labelledby="cx-comments">
          <h2 id="cx-comments">{lang.t('cx.commentsHeading')}</h2>
          {dashboard.comments.length === 0 ? (
            <p>{lang.t('cx.noComments')}</p>
          ) : (
            <ul class="usa-list" data-cx-comments>
              {dashboard.comments.map((c, index) => (
                <li key={`${c.answeredOn}-${index}`}>
                  <q>{c.comment}</q> ({c.serviceId}, {c.channel}, {c.answeredOn})
                </li>
              ))}
            </ul>
          )}
        </section>

        <section class="portal-section" aria-labelledby="cx-export">
          <h2 id="cx-export">{lang.t('cx.exportHeading')}</h2>
          <ul class="usa-list">
            <li>
              <Link href={exportHref}>{lang.t('cx.exportA11')}</Link>
            </li>
            <li>
              <Link href={responsesHref}>{lang.t('cx.exportResponses')}</Link>
            </li>
          </ul>
        </section>
      </div>
    ),
  };
}
