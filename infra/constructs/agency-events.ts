import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule } from 'aws-cdk-lib/aws-lambda';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PAYMENT_HISTORY_TYPE } from '../../functions/adapters/dynamodb-payment-store.ts';
import { TIMELINE_TYPE } from '../../functions/adapters/dynamodb-timeline.ts';
import { AGENCY_EVENT_SOURCE, EVENT_ENTRY_KINDS, EVENT_PAYMENT_KIND } from '../../functions/domain/agency-events.ts';
import { outboxStream } from './notifier.ts';
import { TABLE_ACTIONS, TABLE_KEY_ACTIONS } from './portal-api.ts';
import { PortalFunction } from './portal-function.ts';

export interface AgencyEventsProps {
  table: ITable;
  tableKey: IKey;
  operationsKey: IKey;
}

/**
 * Events for agency systems (decision 0096): the table's stream (only the outbox records that make an event,
 * filtered at the event source) → the publisher → the portal's own event bus, where an agency's systems subscribe
 * with rules (a queue, a function, an API destination). An archive keeps 30 days of events, so a system that was
 * down replays what it missed. Failures retry with backoff, then land in a dead-letter queue an alarm watches.
 */
export class AgencyEvents extends Construct {
  readonly bus: EventBus;
  readonly publisher: PortalFunction;
  readonly deadLetters: Queue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: AgencyEventsProps) {
    super(scope, id);
    // EventBridge's own encryption at rest: the events carry ids, services, statuses and amounts, no personal data.
    this.bus = new EventBus(this, 'Bus', { description: "Front Door: events for the agency's systems (decision 0096)" });
    this.bus.archive('Archive', {
      description: '30 days of agency events, for a system that was down to replay',
      eventPattern: { source: [AGENCY_EVENT_SOURCE] },
      retention: Duration.days(30),
    });

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.publisher = new PortalFunction(this, 'PublishAgencyEvents', {
      handler: 'publish-agency-events',
      description: "Front Door: new submissions, status changes and settled payments onto the agency events' bus",
      environment: { TABLE_NAME: props.table.tableName, EVENT_BUS_NAME: this.bus.eventBusName },
      operationsKey: props.operationsKey,
    });
    // It reads the submission or payment an event is about (base table only), and writes nothing to the table.
    this.publisher.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...TABLE_ACTIONS.read], resources: [props.table.tableArn] }),
    );
    this.publisher.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...TABLE_KEY_ACTIONS.read],
        resources: [props.tableKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${this.bus.stack.region}.amazonaws.com` } },
      }),
    );
    this.publisher.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['events:PutEvents'], resources: [this.bus.eventBusArn] }),
    );

    const inserted = (type: string, kind: ReturnType<typeof FilterRule.isEqual> | string[]) =>
      FilterCriteria.filter({
        eventName: FilterRule.isEqual('INSERT'),
        dynamodb: { NewImage: { type: { S: FilterRule.isEqual(type) }, kind: { S: kind } } },
      });
    this.publisher.function.addEventSource(
      // Only what makes an event wakes it (functions/domain/agency-events.ts names the same kinds).
      outboxStream(props.table, this.deadLetters, [
        inserted(TIMELINE_TYPE, FilterRule.or(...EVENT_ENTRY_KINDS)),
        inserted(PAYMENT_HISTORY_TYPE, FilterRule.isEqual(EVENT_PAYMENT_KIND)),
      ]),
    );

    this.deadLetterAlarm = new Alarm(this, 'AgencyEventsDeadLettered', {
      alarmDescription:
        'An agency event could not be published after every retry and is in the dead-letter queue: see docs/deploying.md (agency events) to replay it.',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
