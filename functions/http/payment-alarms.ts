/** The payment rules' alarms as CloudWatch metrics (namespace FrontDoor) that infra alarms on. */
import type { Alarm } from '#domain/payment-alarms';
import { logger } from '#shared/logger';
import { countNow } from '#shared/metrics';

export const alarm: Alarm = async (name, details) => {
  logger.error(`Payment alarm: ${name}`, { alarm: name, ...details });
  await countNow(name, details);
};
