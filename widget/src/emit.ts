// The one typed way the element fires its events: bubbling, composed CustomEvents.
import type { KycEventDetails, KycEventName } from '@digilocker-kyc/shared/protocol';

/** The CustomEvent type of each `digilocker-kyc-*` event, by name. */
export type KycEventMap = { [K in KycEventName]: CustomEvent<KycEventDetails[K]> };

/** The event `name` as dispatched. */
export type KycEvent<K extends KycEventName> = CustomEvent<KycEventDetails[K]>;

export interface EmitOptions {
  /** Only `digilocker-kyc-start` is cancelable: the host may veto a journey. */
  cancelable?: boolean;
}

/**
 * Dispatches `name` with its typed `detail` (required: every event of the element has one) and
 * returns the event, so a caller can read `defaultPrevented`.
 */
export function emit<K extends KycEventName>(
  target: EventTarget,
  name: K,
  detail: KycEventDetails[K],
  options: EmitOptions = {},
): KycEvent<K> {
  const event = new CustomEvent(name, { bubbles: true, composed: true, ...options, detail });
  target.dispatchEvent(event);
  return event;
}
