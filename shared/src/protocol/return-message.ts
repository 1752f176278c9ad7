// The message the return page hands back to the waiting widget, over BroadcastChannel,
// postMessage and the `storage` event: its type, how to build it, and how to recognise it.
// Hints only: the widget confirms with the server before it emits anything.
import { MAX_VERIFICATION_ID, RECEIPT_PATTERN, STATE_PATTERN } from './constants.js';
import { isObject, isString, matches } from './guards.js';

export interface ReturnMessage {
  v: 1;
  type: 'dlkyc:result';
  state: string;
  /** The server's receipt for the bound return: what turns `consented` into a completion. */
  receipt: string;
  verification_id?: string;
}

/** Builds the return message, leaving out a missing or oversized `verification_id`. */
export function returnMessage(
  state: string,
  receipt: string,
  verificationId?: string | null,
): ReturnMessage {
  const message: ReturnMessage = { v: 1, type: 'dlkyc:result', state, receipt };
  if (verificationId && verificationId.length <= MAX_VERIFICATION_ID) {
    message.verification_id = verificationId;
  }
  return message;
}

const RETURN_KEYS = ['v', 'type', 'state', 'receipt', 'verification_id'];

/** Strict, like the zod `returnMessageSchema` (a `z.strictObject`): no unknown keys. */
export function isReturnMessage(value: unknown): value is ReturnMessage {
  return (
    isObject(value) &&
    Object.keys(value).every((key) => RETURN_KEYS.includes(key)) &&
    value.v === 1 &&
    value.type === 'dlkyc:result' &&
    matches(value.state, STATE_PATTERN) &&
    matches(value.receipt, RECEIPT_PATTERN) &&
    (value.verification_id === undefined || isString(value.verification_id, 0, MAX_VERIFICATION_ID))
  );
}
