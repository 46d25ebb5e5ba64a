// One portal instance of the fleet bench (fleet-load.ts): a worker thread that imports the
// BUILT portal bundle, as a Lambda environment does, and answers the events it is posted
// one at a time. Its own event loop and heap, like an environment's: another instance's
// work or garbage collection never runs on its thread.
import { openSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

// The bundle logs a JSON line per request on stdout. In Lambda that is a write to a pipe the
// runtime reads; a worker's stdout is a stream the main thread would have to drain. Written
// to /dev/null instead: the same work for the instance, nothing for the others.
const devNull = openSync('/dev/null', 'w');
process.stdout.write = (chunk, ...rest) => {
  writeSync(devNull, chunk);
  const callback = rest.find((argument) => typeof argument === 'function');
  callback?.();
  return true;
};

const { bundleUrl, instance } = workerData;
const started = performance.now();
// A query string per instance: a module of its own, with its own clients and caches.
const { handler } = await import(`${bundleUrl}?instance=${instance}`);
const initMs = performance.now() - started;

// The Lambda context object (docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html).
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'vpn-portal',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:vpn-portal',
  memoryLimitInMB: '512',
  awsRequestId: `bench-${instance}`,
  logGroupName: '/aws/lambda/vpn-portal',
  logStreamName: `2026/01/01/[$LATEST]${String(instance).padStart(32, '0')}`,
  getRemainingTimeInMillis: () => 15_000,
};

parentPort.on('message', async ({ id, event }) => {
  const begun = performance.now();
  const result = await handler(event, context);
  const ms = performance.now() - begun;
  parentPort.postMessage({ id, ms, statusCode: result.statusCode, body: result.body });
});
parentPort.postMessage({ ready: true, initMs });
