/**
 * CloudFormation's per-stack limits, with the margin `cdk synth` itself warns at (80 %): a stack that crosses one
 * fails a test here long before `cdk deploy` fails on a live portal (decision 146).
 */
import type { SynthesisedStack } from './synth-portal.ts';

export const STACK_LIMITS = {
  /** CloudFormation refuses a stack of more than 500; `cdk synth` prints "approaching" from 400. */
  resources: 400,
  /** 200 of each at most. */
  parameters: 160,
  outputs: 160,
  /** A template from S3 may be 1 MB; `cdk synth` warns from 800 KB. */
  bytes: 800_000,
} as const;

/** One line per limit a stack reaches, naming the stack; none when every stack is within them. */
export function stackLimitProblems(stacks: readonly SynthesisedStack[]): string[] {
  return stacks.flatMap(({ path, template, bytes }) => {
    const json = template.toJSON();
    const counts = {
      resources: Object.keys(json.Resources ?? {}).length,
      parameters: Object.keys(json.Parameters ?? {}).length,
      outputs: Object.keys(json.Outputs ?? {}).length,
      bytes,
    };
    return (Object.keys(STACK_LIMITS) as (keyof typeof STACK_LIMITS)[])
      .filter((limit) => counts[limit] >= STACK_LIMITS[limit])
      .map(
        (limit) =>
          `${path}: ${counts[limit]} ${limit} (keep under ${STACK_LIMITS[limit]}; move functions to another area, infra/constructs/function-areas.ts)`,
      );
  });
}
