/**
 * The one metrics emitter: Powertools Metrics, which writes CloudWatch Embedded Metric Format lines to stdout;
 * CloudWatch turns them into metrics that infra alarms on. Namespace `FrontDoor` (POWERTOOLS_METRICS_NAMESPACE
 * overrides), dimension `service`. Never put personal data in a metric or its metadata.
 *
 * Only the rare events alarms watch are counted, so Powertools Metrics is loaded on the first count, not at
 * every cold start (a split bundle makes the dynamic import a chunk: decision 17).
 */
export const METRICS_NAMESPACE = 'FrontDoor';

let emitter:
  | Promise<typeof import('@aws-lambda-powertools/metrics') & { metrics: import('@aws-lambda-powertools/metrics').Metrics }>
  | undefined;

function loadEmitter() {
  emitter ??= import('@aws-lambda-powertools/metrics').then((module) => ({
    ...module,
    metrics: new module.Metrics({
      namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || METRICS_NAMESPACE,
      serviceName: 'front-door',
    }),
  }));
  return emitter;
}

/** Counts one occurrence of something an alarm watches, now (not at the end of the request). */
export async function countNow(name: string, metadata: Record<string, unknown> = {}): Promise<void> {
  const { metrics, MetricUnit } = await loadEmitter();
  metrics.addMetric(name, MetricUnit.Count, 1);
  for (const [key, value] of Object.entries(metadata)) metrics.addMetadata(key, String(value));
  metrics.publishStoredMetrics();
}
