/**
 * The one metrics emitter: Powertools Metrics, which writes CloudWatch Embedded Metric Format lines to stdout;
 * CloudWatch turns them into metrics that infra alarms on. Namespace `FrontDoor` (POWERTOOLS_METRICS_NAMESPACE
 * overrides), dimension `service`. Never put personal data in a metric or its metadata.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const METRICS_NAMESPACE = 'FrontDoor';

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || METRICS_NAMESPACE,
  serviceName: 'front-door',
});

/** Counts one occurrence of something an alarm watches, now (not at the end of the request). */
export function countNow(name: string, metadata: Record<string, unknown> = {}): void {
  metrics.addMetric(name, MetricUnit.Count, 1);
  for (const [key, value] of Object.entries(metadata)) metrics.addMetadata(key, String(value));
  metrics.publishStoredMetrics();
}
