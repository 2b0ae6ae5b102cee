/**
 * `npm run replay-notifications -- --aws --queue-url <url> --notifier <fn> [--email-events <fn>]
 * [--contact-centres <fn>] [--texts <fn>]` (decision 77): replays the notifications dead-letter queue on AWS with the
 * operator's own credentials (the usual AWS_PROFILE / AWS_REGION). The steps are functions/domain/replay.ts; this
 * file only binds them to SQS, DynamoDB Streams and Lambda. Never run by the tests (they never call AWS).
 */
import { parseArgs } from 'node:util';
import { DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type ReplayPorts, replayDeadLetters } from '../functions/domain/replay.ts';

const { values } = parseArgs({
  options: {
    aws: { type: 'boolean' },
    'queue-url': { type: 'string' },
    notifier: { type: 'string' },
    'email-events': { type: 'string' },
    'contact-centres': { type: 'string' },
    texts: { type: 'string' },
  },
});
const queueUrl = values['queue-url'];
if (!queueUrl || !values.notifier) {
  console.error(
    'Usage: npm run replay-notifications -- --aws --queue-url <Notifier/DeadLetters URL> --notifier <send-notifications function>' +
      ' [--email-events <fn>] [--contact-centres <fn>] [--texts <fn>]  (the stack outputs and the Lambda console name them)',
  );
  process.exit(2);
}
const functions = {
  notifier: values.notifier,
  'email-events': values['email-events'],
  'contact-centres': values['contact-centres'],
  texts: values.texts,
};

const sqs = new SQSClient({});
const streams = new DynamoDBStreamsClient({});
const lambda = new LambdaClient({});

const ports: ReplayPorts = {
  async receive() {
    const answer = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 2, VisibilityTimeout: 120 }),
    );
    return (answer.Messages ?? []).map((m) => ({ id: m.ReceiptHandle ?? '', body: m.Body ?? '' }));
  },
  async remove(message) {
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.id }));
  },
  async streamRecords(batch) {
    const iterator = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: batch.streamArn,
        ShardId: batch.shardId,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        SequenceNumber: batch.startSequenceNumber,
      }),
    );
    const records: unknown[] = [];
    let next = iterator.ShardIterator;
    // The batch's records, from its first position to its last, as Lambda handed them (plus eventSourceARN).
    for (let reads = 0; next && reads < 20 && records.length < batch.batchSize; reads++) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: next, Limit: batch.batchSize }));
      for (const record of page.Records ?? []) {
        if (BigInt(record.dynamodb?.SequenceNumber ?? '0') > BigInt(batch.endSequenceNumber)) return records;
        const created = record.dynamodb?.ApproximateCreationDateTime as Date | undefined;
        records.push({
          ...record,
          eventSourceARN: batch.streamArn,
          dynamodb: { ...record.dynamodb, ...(created && { ApproximateCreationDateTime: created.getTime() / 1000 }) },
        });
      }
      next = page.NextShardIterator;
    }
    return records;
  },
  async invoke(target, event) {
    const name = functions[target];
    if (!name) throw new Error(`name the ${target} function (--${target === 'notifier' ? 'notifier' : target})`);
    const answer = await lambda.send(
      new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)), InvocationType: 'RequestResponse' }),
    );
    const payload = answer.Payload ? JSON.parse(Buffer.from(answer.Payload).toString('utf8') || 'null') : undefined;
    if (answer.FunctionError) throw new Error(`${name} failed: ${JSON.stringify(payload).slice(0, 300)}`);
    return payload;
  },
};

const report = await replayDeadLetters(ports);
console.log(`Replayed ${report.replayed} dead-lettered message(s); ${report.failed.length} still in the queue.`);
for (const { why } of report.failed) console.log(`  - ${why}`);
process.exit(report.failed.length === 0 ? 0 : 1);
