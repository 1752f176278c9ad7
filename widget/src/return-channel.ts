// Listens for the return page's result on all three channels; the first valid delivery wins.
//
// BroadcastChannel and the `storage` event reach us only when the return page shares our origin;
// `opener.postMessage` crosses origins but dies when a COOP header severs the opener. Each
// channel is checked as strictly as the next: exact origin, this attempt's state, strict shape.
import {
  isReturnMessage,
  MAX_MESSAGE_CHARS,
  RETURN_CHANNEL_PREFIX,
  RETURN_STORAGE_PREFIX,
  type ReturnMessage,
} from '@digilocker-kyc/shared/protocol';

export interface ReturnListenOptions {
  win: Window;
  /** This attempt's state: a message for any other state is ignored. */
  state: string;
  /** The one origin a `postMessage` may come from (compared as an exact string). */
  origin: string;
  /**
   * The popup handle while it can be trusted, else null. When a handle is given, a message must
   * come from that very window (`event.source`).
   */
  source: () => Window | null;
  onResult: (message: ReturnMessage) => void;
}

/** Starts listening; returns the function that stops every listener and removes the key. */
export function listenForReturn(options: ReturnListenOptions): () => void {
  const { win, state, origin, source, onResult } = options;
  const storageKey = RETURN_STORAGE_PREFIX + state;
  let done = false;
  let channel: BroadcastChannel | null = null;

  const deliver = (data: unknown) => {
    if (done || !isReturnMessage(data) || data.state !== state) return;
    dispose();
    onResult(data);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.origin !== origin) return;
    const popup = source();
    if (popup && event.source !== popup) return;
    deliver(event.data);
  };

  const onStorage = (event: StorageEvent) => {
    if (event.key !== storageKey) return;
    const raw = event.newValue;
    if (raw === null || raw.length > MAX_MESSAGE_CHARS) return;
    try {
      deliver(JSON.parse(raw));
    } catch {
      // Not JSON: not from our return page.
    }
  };

  function dispose(): void {
    done = true;
    win.removeEventListener('message', onMessage);
    win.removeEventListener('storage', onStorage);
    channel?.close();
    channel = null;
    try {
      win.localStorage.removeItem(storageKey);
    } catch {
      // Storage can be disabled; nothing was written then.
    }
  }

  win.addEventListener('message', onMessage);
  win.addEventListener('storage', onStorage);
  try {
    // Looked up at call time: older Safari has no BroadcastChannel (`new undefined` throws), and
    // tests remove it.
    channel = new (win as typeof window).BroadcastChannel(RETURN_CHANNEL_PREFIX + state);
    channel.onmessage = (event: MessageEvent) => deliver(event.data);
  } catch {
    // The other two channels and status polling remain.
  }
  return dispose;
}
