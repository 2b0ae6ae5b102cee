import { type AddToPrincipalPolicyResult, ManagedPolicy, type PolicyStatement, Role, type RoleProps } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/**
 * An IAM role whose permissions all live in one customer-managed policy instead of an inline one
 * (NIST 800-53 AC-6 / HIPAA / PCI packs: no inline policies). `grant…()` calls keep working: every
 * statement added to the role lands in that policy.
 */
export class ManagedPolicyRole extends Role {
  readonly policy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: RoleProps) {
    super(scope, id, props);
    this.policy = new ManagedPolicy(this, 'Policy', { roles: [this] });
  }

  override addToPrincipalPolicy(statement: PolicyStatement): AddToPrincipalPolicyResult {
    this.policy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.policy };
  }
}
