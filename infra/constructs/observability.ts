import { Duration, NestedStack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PAYMENT_ALARMS } from '../../functions/domain/payment-alarms.ts';
import { METRICS_NAMESPACE } from '../../functions/shared/metrics.ts';

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Where alarms go: an SNS topic (KMS-encrypted, TLS only) with the agency's alarm e-mail subscribed;
 * notifications the e-mail could not take wait 14 days in an encrypted queue instead of being lost.
 * Used by the application stack and, in us-east-1, by the WAF stack (an alarm can only notify a topic in
 * its own region, and CloudFront's WAF metrics live in us-east-1).
 */
export class AlarmTopic extends Construct {
  readonly topic: Topic;
  readonly undelivered: Queue;

  constructor(scope: Construct, id: string, props: { alarmEmail: string; key: IKey; displayName: string }) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: props.displayName, masterKey: props.key, enforceSSL: true });
    this.undelivered = new Queue(this, 'Undelivered', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.topic.addSubscription(new EmailSubscription(props.alarmEmail, { deadLetterQueue: this.undelivered }));
  }

  /** Notify the topic when the alarm goes off and when it is back to normal. */
  notify(alarm: Alarm): Alarm {
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    return alarm;
  }
}

/**
 * The application's alarms and its one dashboard. Other parts of the portal add theirs with `addAlarm()`
 * (e.g. payments: an amount mismatch metric) and `addWidgets()`; they all reach the same e-mail.
 */
export class Observability extends Construct {
  readonly alarms: AlarmTopic;
  readonly dashboard: Dashboard;
  /** Where the per-function alarms live (watchFunctions). */
  functionAlarms?: NestedStack;

  constructor(scope: Construct, id: string, props: { alarmEmail: string; key: IKey; dashboardName: string }) {
    super(scope, id);
    this.alarms = new AlarmTopic(this, 'Alarms', {
      alarmEmail: props.alarmEmail,
      key: props.key,
      displayName: 'Front Door alarms',
    });
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName });
  }

  /** The topic, for anything that wants to publish to the operators directly. */
  get alarmTopic(): Topic {
    return this.alarms.topic;
  }

  addAlarm(alarm: Alarm): Alarm {
    this.alarms.notify(alarm);
    this.dashboard.addWidgets(new AlarmWidget({ alarm, title: alarm.node.id, width: 8, height: 5 }));
    return alarm;
  }

  addWidgets(...widgets: GraphWidget[]): void {
    this.dashboard.addWidgets(...widgets);
  }

  /** More than 5 % of API requests answered 5xx in two of three 5-minute periods (with at least 20 requests). */
  watchApi(api: HttpApi): void {
    const requests = api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
    const serverErrors = api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const clientErrors = api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const errorRate = new MathExpression({
      expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      label: '5xx rate (%)',
      period: FIVE_MINUTES,
    });
    this.addAlarm(
      new Alarm(this, 'Api5xxRate', {
        alarmDescription:
          'More than 5% of API requests failed with a server error (5xx). Look at the function logs and X-Ray traces.',
        metric: errorRate,
        threshold: 5,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'API requests and errors', left: [requests, clientErrors, serverErrors], width: 12 }),
      new GraphWidget({
        title: 'API latency (p50, p99)',
        left: [
          api.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }),
          api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
        ],
        width: 12,
      }),
    );
  }

  /**
   * Any unhandled error or throttle in a function, per function. Two alarms a function is a hundred resources for
   * the portal's fifty functions: they live in a nested stack of their own (`functionAlarms`), which keeps the app
   * stack under CloudFormation's 500 resources a stack (decision 0097).
   */
  watchFunctions(functions: ReadonlyMap<string, IFunction>): void {
    this.functionAlarms ??= new NestedStack(this, 'FunctionAlarms', {
      description: "Front Door: an alarm on each function's errors and throttles",
    });
    for (const [name, fn] of functions) {
      this.addAlarm(
        new Alarm(this.functionAlarms, `${name}-Errors`, {
          alarmDescription: `The ${name} function failed (an unhandled error or a timeout). Its log group and X-Ray traces say why.`,
          metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
      this.addAlarm(
        new Alarm(this.functionAlarms, `${name}-Throttles`, {
          alarmDescription: `The ${name} function was throttled: the account's Lambda concurrency is used up. Ask AWS for a higher limit.`,
          metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    const all = [...functions.entries()];
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Function invocations',
        left: all.map(([name, fn]) => fn.metricInvocations({ period: FIVE_MINUTES, statistic: 'Sum', label: name })),
        width: 8,
      }),
      new GraphWidget({
        title: 'Function errors',
        left: all.map(([name, fn]) => fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: name })),
        width: 8,
      }),
      new GraphWidget({
        title: 'Function duration (p99, ms)',
        left: all.map(([name, fn]) => fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99', label: name })),
        width: 8,
      }),
    );
  }

  /**
   * The payment rules' own alarms (Embedded Metric Format lines from the functions, namespace FrontDoor), each at
   * its first occurrence, and refused webhooks when they come in numbers (a wrong webhook secret, or probing).
   */
  watchPayments(): void {
    const metric = (metricName: string) =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: 'front-door' },
        period: FIVE_MINUTES,
        statistic: 'Sum',
      });
    for (const [name, description] of Object.entries(PAYMENT_ALARMS)) {
      this.addAlarm(
        new Alarm(this, name, {
          alarmDescription: description,
          metric: metric(name),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    this.addAlarm(
      new Alarm(this, 'PaymentWebhookRefused', {
        alarmDescription:
          'Many payment webhooks failed their signature check: the webhook secret in Secrets Manager may not match the provider, or someone is probing the endpoint.',
        metric: metric('PaymentWebhookRefused'),
        threshold: 20,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /** Any read or write the table (or one of its indexes) refused for lack of capacity. */
  watchTable(table: ITable): void {
    const events = (metricName: string) =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: table.tableName },
        period: FIVE_MINUTES,
        statistic: 'Sum',
      });
    this.addAlarm(
      new Alarm(this, 'TableThrottles', {
        alarmDescription:
          'DynamoDB refused reads or writes for lack of capacity (a hot key or a burst beyond on-demand limits). See the dashboard.',
        metric: new MathExpression({
          expression: 'reads + writes',
          usingMetrics: { reads: events('ReadThrottleEvents'), writes: events('WriteThrottleEvents') },
          label: 'throttled requests',
          period: FIVE_MINUTES,
        }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Table capacity used',
        left: [events('ConsumedWriteCapacityUnits'), events('ConsumedReadCapacityUnits')],
        right: [events('ReadThrottleEvents'), events('WriteThrottleEvents')],
        width: 12,
      }),
    );
  }

  /** The WAF's allowed and blocked requests (its metrics live in us-east-1, the dashboard can show them). */
  watchWebAcl(webAclName: string, region: string): void {
    const waf = (metricName: string) =>
      new Metric({
        namespace: 'AWS/WAFV2',
        metricName,
        dimensionsMap: { WebACL: webAclName, Rule: 'ALL' },
        region,
        period: FIVE_MINUTES,
        statistic: 'Sum',
      });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Firewall: allowed and blocked requests',
        left: [waf('AllowedRequests'), waf('BlockedRequests')],
        width: 12,
      }),
    );
  }
}
