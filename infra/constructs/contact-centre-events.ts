import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Match, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TABLE_ACTIONS, TABLE_KEY_ACTIONS } from './portal-api.ts';
import { PortalFunction } from './portal-function.ts';

export interface ContactCentreEventsProps {
  table: ITable;
  tableKey: IKey;
  indexNames: readonly string[];
  operationsKey: IKey;
  /** Where events that fail every retry go (the notifications dead-letter queue, which an alarm watches). */
  deadLetters: IQueue;
  /** Amazon Connect instances (ARN → agency id) whose contact events reach the timeline. */
  amazonConnect?: Record<string, string> | undefined;
  /** Genesys Cloud's EventBridge integration: its partner event bus, and organization id → agency id. */
  genesysCloud?: { eventBusName: string; organizations: Record<string, string> } | undefined;
}

/**
 * Contact centres writing onto the timeline (decision 75): Amazon Connect's contact events (default bus, only the
 * configured instances' DISCONNECTED events) and Genesys Cloud's conversation-end events (its partner bus) →
 * record-contact-centre-event, which maps both onto the ingest rule. EventBridge retries for a day, then the
 * notifications dead-letter queue.
 */
export class ContactCentreEvents extends Construct {
  readonly recorder: PortalFunction;

  constructor(scope: Construct, id: string, props: ContactCentreEventsProps) {
    super(scope, id);
    const { region } = Stack.of(this);
    const agencies = {
      ...Object.fromEntries(Object.entries(props.amazonConnect ?? {}).map(([arn, agency]) => [`connect:${arn}`, agency])),
      ...Object.fromEntries(
        Object.entries(props.genesysCloud?.organizations ?? {}).map(([org, agency]) => [`genesys:${org}`, agency]),
      ),
    };
    this.recorder = new PortalFunction(this, 'RecordContactCentreEvent', {
      handler: 'record-contact-centre-event',
      description: "Front Door: contact centres' ended contacts onto the timeline (Amazon Connect, Genesys Cloud)",
      environment: { TABLE_NAME: props.table.tableName, CONTACT_CENTRE_AGENCIES: JSON.stringify(agencies) },
      operationsKey: props.operationsKey,
      deadLetterQueue: props.deadLetters,
    });
    this.recorder.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write],
        resources: [props.table.tableArn, ...props.indexNames.map((name) => `${props.table.tableArn}/index/${name}`)],
      }),
    );
    this.recorder.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...TABLE_KEY_ACTIONS.read, ...TABLE_KEY_ACTIONS.write],
        resources: [props.tableKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${region}.amazonaws.com` } },
      }),
    );
    const target = () =>
      new LambdaFunction(this.recorder.function, {
        deadLetterQueue: props.deadLetters,
        retryAttempts: 8,
        maxEventAge: Duration.hours(24),
      });
    const instances = Object.keys(props.amazonConnect ?? {});
    if (instances.length > 0)
      new Rule(this, 'AmazonConnectContacts', {
        description: "Amazon Connect: the configured instances' ended contacts",
        eventPattern: {
          source: ['aws.connect'],
          detailType: ['Amazon Connect Contact Event'],
          detail: { eventType: ['DISCONNECTED'], instanceArn: instances },
        },
        targets: [target()],
      });
    if (props.genesysCloud)
      new Rule(this, 'GenesysCloudConversations', {
        description: "Genesys Cloud: conversations' customer.end events from its EventBridge integration",
        eventBus: EventBus.fromEventBusName(this, 'GenesysBus', props.genesysCloud.eventBusName),
        eventPattern: { detail: { topicName: Match.wildcard('v2.detail.events.conversation.*.customer.end') } },
        targets: [target()],
      });
  }
}
