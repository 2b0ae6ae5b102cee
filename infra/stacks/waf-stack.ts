import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { BusyPage } from '../constructs/busy-page.ts';
import { AlarmTopic } from '../constructs/observability.ts';
import { OperationsKey } from '../constructs/operations-key.ts';
import { WebAcl } from '../constructs/web-acl.ts';

export interface WafStackProps extends StackProps {
  namePrefix: string;
  requestsPer5MinutesPerIp: number;
  alarmEmail: string;
}

/** Blocked requests in 5 minutes above which someone should look (an attack, or a rule blocking real people). */
export const WAF_BLOCKED_ALARM_THRESHOLD = 500;

/**
 * The firewall, in us-east-1 because CloudFront only takes web ACLs from there; with its logs, its own key
 * and its alarm (an alarm must be in the region of its metric and notify a topic in that same region). The
 * distribution's one Lambda@Edge function lives here too, for the same reason (decision 0129).
 */
export class WafStack extends Stack {
  readonly webAcl: WebAcl;
  readonly alarms: AlarmTopic;
  readonly busyPage: BusyPage;

  constructor(scope: Construct, id: string, props: WafStackProps) {
    super(scope, id, props);
    const key = new OperationsKey(this, 'WafKey', { alias: `alias/${props.namePrefix}-front-door-waf` });
    this.webAcl = new WebAcl(this, 'Firewall', {
      namePrefix: props.namePrefix,
      requestsPer5MinutesPerIp: props.requestsPer5MinutesPerIp,
      key,
    });
    this.busyPage = new BusyPage(this, 'BusyPage', { namePrefix: props.namePrefix, key });
    this.alarms = new AlarmTopic(this, 'Alarms', {
      alarmEmail: props.alarmEmail,
      key,
      displayName: 'Front Door firewall alarms',
    });
    this.alarms.notify(
      new Alarm(this, 'WafBlockedRequests', {
        alarmDescription: `The firewall blocked more than ${WAF_BLOCKED_ALARM_THRESHOLD} requests in 5 minutes, twice in a row: an attack, or a rule blocking real people. The log group ${this.webAcl.logGroupName} says which rule.`,
        metric: new Metric({
          namespace: 'AWS/WAFV2',
          metricName: 'BlockedRequests',
          dimensionsMap: { WebACL: this.webAcl.name, Rule: 'ALL' },
          period: Duration.minutes(5),
          statistic: 'Sum',
        }),
        threshold: WAF_BLOCKED_ALARM_THRESHOLD,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
