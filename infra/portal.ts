/**
 * The whole deployment for one agency: three stacks, wired. infra/app.ts calls this once with the agency
 * config; the tests call it with their own config and an App of their own.
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks, ServerlessChecks } from 'cdk-nag';
import type { Route } from '../functions/http/routes.ts';
import type { AgencyConfig } from './config.ts';
import { deployedTable } from './constructs/portal-table.ts';
import { acknowledgeRules } from './nag-acknowledgements.ts';
import { AppStack } from './stacks/app-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { WafStack } from './stacks/waf-stack.ts';

/** CloudFront takes certificates and web ACLs only from here. */
export const EDGE_REGION = 'us-east-1';

export interface PortalProps {
  config: AgencyConfig;
  /** Agency ids from the catalog (catalog/agencies/*.json): one staff group each. */
  agencyIds: readonly string[];
  routes: readonly Route[];
  /** The built site (web/dist). */
  siteDir: string;
}

export interface Portal {
  data: DataStack;
  app: AppStack;
  waf: WafStack;
}

/** Stack names: "<shortName>-FrontDoor-Data" etc., so two agencies can share an account. */
export const stackNames = (config: AgencyConfig) => {
  const prefix = `${config.agency.shortName}-FrontDoor`;
  return { data: `${prefix}-Data`, app: `${prefix}-App`, waf: `${prefix}-Waf` };
};

export function definePortal(app: App, props: PortalProps): Portal {
  const { config } = props;
  const namePrefix = config.agency.shortName.toLowerCase();
  const names = stackNames(config);
  const env = { account: config.aws.account, region: config.aws.region };

  const waf = new WafStack(app, names.waf, {
    env: { account: config.aws.account, region: EDGE_REGION },
    crossRegionReferences: true,
    description: `Front Door for ${config.agency.name}: the web application firewall and the busy page (us-east-1, for CloudFront)`,
    namePrefix,
    requestsPer5MinutesPerIp: config.waf.requestsPer5MinutesPerIp,
    alarmEmail: config.alarmEmail,
  });
  const table = deployedTable(config.upgrade);
  const data = new DataStack(app, names.data, {
    env,
    description: `Front Door for ${config.agency.name}: citizens' data (retained)`,
    namePrefix,
    siteOrigin: config.agency.domain ? `https://${config.agency.domain}` : undefined,
    tableDefinition: table.definition,
  });
  const appStack = new AppStack(app, names.app, {
    env,
    crossRegionReferences: true,
    description: `Front Door for ${config.agency.name}: site, API, sign-in, alarms`,
    config,
    namePrefix,
    agencyIds: props.agencyIds,
    routes: props.routes,
    table: data.table,
    tableKey: data.dataKey,
    uploads: data.uploads,
    indexNames: table.definition.globalSecondaryIndexes.map((index) => index.indexName),
    tableEnvironment: table.environment,
    siteDir: props.siteDir,
    webAcl: { arn: waf.webAcl.arn, name: waf.webAcl.name, region: EDGE_REGION },
    busyPageVersionArn: waf.busyPage.version.functionArn,
  });
  const portal = { data, app: appStack, waf };
  acknowledgeRules(portal);
  return portal;
}

/** The rule packs every synth runs: any unacknowledged error fails the synth. */
export function applyRulePacks(app: App): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app),
    new NIST80053R5Checks(app),
    new HIPAASecurityChecks(app),
    new PCIDSS321Checks(app),
    new ServerlessChecks(app),
  );
}
