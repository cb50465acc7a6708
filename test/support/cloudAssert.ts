/** Assertion helpers for cloud-layer tests. */
import { strict as assert } from 'node:assert';
import { CloudError } from '../../src/cloud/errors';

/** Runs `call` and returns the CloudError it rejects with (fails the test otherwise). */
export async function cloudFailure(call: () => Promise<unknown>): Promise<CloudError> {
  try {
    await call();
  } catch (error) {
    assert.ok(error instanceof CloudError, `expected a CloudError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

/** Every text an error could show or log: message, hint, code, request ID, stack, JSON form. */
export function everythingShown(error: CloudError): string {
  return [error.message, error.hint, error.code, error.requestId, error.stack, String(error), JSON.stringify(error)].join('\n');
}
