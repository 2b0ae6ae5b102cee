/**
 * Agency events onto the portal's EventBridge bus (PutEvents, at most 10 entries a call). Locally the same SDK
 * call goes to local/eventbridge-local.ts through EVENTBRIDGE_ENDPOINT. PutEvents can accept some entries of a
 * call and refuse others (FailedEntryCount): the ones refused are answered by index, so the stream retries exactly
 * those records. The SDK retries throttling and 5xx answers itself.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { AGENCY_EVENT_SOURCE, type AgencyEvent } from '#domain/agency-events';

/** PutEvents' own limit. */
export const PUT_EVENTS_BATCH = 10;

export interface EventPublisher {
  /** Publishes the events; answers the indexes of those that were not accepted. */
  publish(events: readonly AgencyEvent[]): Promise<number[]>;
}

export function eventBridgePublisher(options: { busName: string; endpoint?: string | undefined }): EventPublisher {
  const client = new EventBridgeClient({ ...(options.endpoint && { endpoint: options.endpoint }), maxAttempts: 3 });
  return {
    async publish(events) {
      const failed: number[] = [];
      for (let start = 0; start < events.length; start += PUT_EVENTS_BATCH) {
        const batch = events.slice(start, start + PUT_EVENTS_BATCH);
        const answer = await client.send(
          new PutEventsCommand({
            Entries: batch.map((event) => ({
              EventBusName: options.busName,
              Source: AGENCY_EVENT_SOURCE,
              DetailType: event.type,
              Detail: JSON.stringify(event.detail),
              Time: new Date(event.detail.occurredAt),
            })),
          }),
        );
        if (!answer.FailedEntryCount) continue;
        (answer.Entries ?? []).forEach((entry, index) => {
          if (entry.ErrorCode) failed.push(start + index);
        });
      }
      return failed;
    },
  };
}
