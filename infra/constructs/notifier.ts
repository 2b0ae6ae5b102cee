import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CODES_REQUEST_TYPE } from '../../functions/adapters/dynamodb-codes-requests.ts';
import { TIMELINE_TYPE } from '../../functions/adapters/dynamodb-timeline.ts';
import { TABLE_ACTIONS, TABLE_KEY_ACTIONS } from './portal-api.ts';
import { PortalFunction } from './portal-function.ts';

/** How often the stream retries a failed record before it goes to the dead-letter queue (local/stream-poller.ts: the same). */
export const NOTIFIER_RETRY_ATTEMPTS = 3;

/**
 * The table's stream as an outbox consumer reads it (the notifier, the agency events' publisher): new records from
 * the start, 10 at a time, failed records reported one by one and retried, then dead-lettered; only what `filters`
 * names wakes the function. Up to 10 batches of a stream shard at once (ParallelizationFactor), which Lambda keeps
 * in order per partition key (one case's timeline): on a deadline day a shard's records arrive faster than one
 * invocation at a time sends their e-mails.
 */
export function outboxStream(table: ITable, deadLetters: Queue, filters: Record<string, unknown>[]): DynamoEventSource {
  return new DynamoEventSource(table, {
    startingPosition: StartingPosition.TRIM_HORIZON,
    batchSize: 10,
    parallelizationFactor: 10,
    retryAttempts: NOTIFIER_RETRY_ATTEMPTS,
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
    maxRecordAge: Duration.hours(24),
    onFailure: new SqsDlq(deadLetters),
    filters,
  });
}

export interface NotifierProps {
  table: ITable;
  tableKey: IKey;
  indexNames: readonly string[];
  operationsKey: IKey;
  /** The address notifications come from; its domain (or the address itself) becomes the SES identity. */
  fromAddress: string;
  /** Verify the whole domain (DKIM records to publish) rather than one address. */
  fromDomain?: string | undefined;
  portalOrigin: string;
  /** Texts (End User Messaging SMS): the phone number or pool that sends them and receives the answers. */
  sms?: { originationIdentity: string } | undefined;
}

/**
 * The notifications half of the outbox: the table's stream (only new timeline entries that ask for it, filtered at
 * the event source) → the notifier function → SES v2, through a configuration set whose delivery, bounce and
 * complaint events come back over EventBridge to a second function that writes them on the timeline. Failures
 * retry with backoff, then land in one encrypted dead-letter queue; an alarm goes off at its first message.
 * SES may send only from the one identity, only through this configuration set (least privilege).
 */
export class Notifier extends Construct {
  readonly sender: PortalFunction;
  readonly eventRecorder: PortalFunction;
  readonly deadLetters: Queue;
  readonly configurationSet: ConfigurationSet;
  readonly identity: EmailIdentity;
  readonly deadLetterAlarm: Alarm;
  /** Where End User Messaging publishes inbound texts (point the number's two-way channel here). */
  readonly inboundTexts?: Topic;
  readonly textAnswerer?: PortalFunction;

  constructor(scope: Construct, id: string, props: NotifierProps) {
    super(scope, id);
    const { region, account, partition } = Stack.of(this);

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
    });
    this.configurationSet.addEventDestination('ToEventBridge', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.DELIVERY, EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: props.fromDomain ? Identity.domain(props.fromDomain) : Identity.email(props.fromAddress),
      configurationSet: this.configurationSet,
    });

    // SQS-managed encryption: the stream's on-failure records and EventBridge's undelivered events carry only
    // positions and ids, and a customer key would need grants with KMS wildcards for both senders.
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    const environment = {
      TABLE_NAME: props.table.tableName,
      PORTAL_ORIGIN: props.portalOrigin,
      EMAIL_FROM: props.fromAddress,
      SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      ...(props.sms && { SMS_ORIGINATION_IDENTITY: props.sms.originationIdentity }),
    };
    this.sender = new PortalFunction(this, 'SendNotifications', {
      handler: 'send-notifications',
      description: 'Front Door: e-mails the person about new timeline entries (from the table stream)',
      environment,
      operationsKey: props.operationsKey,
    });
    this.eventRecorder = new PortalFunction(this, 'RecordEmailEvents', {
      handler: 'record-email-events',
      description: "Front Door: SES's delivery and bounce events onto the timeline",
      environment: { TABLE_NAME: props.table.tableName },
      operationsKey: props.operationsKey,
      deadLetterQueue: this.deadLetters,
    });

    if (props.sms) {
      // Two-way SMS: End User Messaging publishes each inbound text to this topic (the number's two-way channel,
      // set by the operator: docs/deploying.md); the function answers it. SNS retries, then dead-letters.
      this.inboundTexts = new Topic(this, 'InboundTexts', { masterKey: props.operationsKey, enforceSSL: true });
      this.textAnswerer = new PortalFunction(this, 'AnswerTextMessages', {
        handler: 'answer-text-messages',
        description: 'Front Door: answers texts to the agency number (STOP, START, HELP, STATUS <code>)',
        environment: {
          TABLE_NAME: props.table.tableName,
          PORTAL_ORIGIN: props.portalOrigin,
          SMS_ORIGINATION_IDENTITY: props.sms.originationIdentity,
        },
        operationsKey: props.operationsKey,
      });
      this.inboundTexts.addSubscription(
        new LambdaSubscription(this.textAnswerer.function, { deadLetterQueue: this.deadLetters }),
      );
      // Texts go only from the agency's number or pool.
      for (const fn of [this.sender, this.textAnswerer])
        fn.role.addToPrincipalPolicy(
          new PolicyStatement({ actions: ['sms-voice:SendTextMessage'], resources: [props.sms.originationIdentity] }),
        );
    }

    for (const fn of [this.sender, this.eventRecorder, ...(this.textAnswerer ? [this.textAnswerer] : [])]) {
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write],
          resources: [props.table.tableArn, ...props.indexNames.map((name) => `${props.table.tableArn}/index/${name}`)],
        }),
      );
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [...TABLE_KEY_ACTIONS.read, ...TABLE_KEY_ACTIONS.write],
          resources: [props.tableKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${region}.amazonaws.com` } },
        }),
      );
    }
    this.sender.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          this.identity.emailIdentityArn,
          `arn:${partition}:ses:${region}:${account}:configuration-set/${this.configurationSet.configurationSetName}`,
        ],
        conditions: { StringEquals: { 'ses:FromAddress': props.fromAddress } },
      }),
    );

    this.sender.function.addEventSource(
      // Only what the notifier acts on wakes it: new timeline entries marked notify (domain/timeline.ts), and
      // "send me my codes" requests (domain/code-requests.ts).
      outboxStream(props.table, this.deadLetters, [
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: {
            NewImage: { type: { S: FilterRule.isEqual(TIMELINE_TYPE) }, notify: { BOOL: FilterRule.isEqual(true) } },
          },
        }),
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { type: { S: FilterRule.isEqual(CODES_REQUEST_TYPE) } } },
        }),
      ]),
    );

    new Rule(this, 'EmailEvents', {
      description: "SES's delivery, bounce and complaint events for the portal's configuration set",
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Delivered', 'Email Bounced', 'Email Complaint Received'],
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [
        new LambdaFunction(this.eventRecorder.function, {
          deadLetterQueue: this.deadLetters,
          retryAttempts: 8,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });

    this.deadLetterAlarm = new Alarm(this, 'NotificationsDeadLettered', {
      alarmDescription:
        'A notification or an e-mail event could not be processed after every retry and is in the dead-letter queue: see docs/deploying.md (notifications) to find and replay it.',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
