/** Test helper: asserts that a call throws an EngineError with the given code. */
import { expect } from 'vitest';
import { isEngineError, type EngineErrorCode } from '../src/errors';

/** Runs `fn` and checks it throws an EngineError carrying `code`. */
export function expectCode(fn: () => unknown, code: EngineErrorCode): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  const got = isEngineError(caught) ? caught.code : String(caught);
  expect(got, `expected ${code}`).toBe(code);
}
