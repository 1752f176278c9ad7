// The return channel: how the return message travels from the return page to the waiting widget.
//
// Three channels, because none reaches every case. BroadcastChannel and the `storage` event reach
// the widget only when the return page shares its origin; `opener.postMessage` crosses origins
// but dies when a COOP header severs the opener. The sender uses all three; the listener checks
// each as strictly as the next (exact origin, this attempt's state, strict shape), and the first
// valid delivery wins.
import {
  isReturnMessage,
  MAX_MESSAGE_CHARS,
  RETURN_CHANNEL_PREFIX,
  RETURN_STORAGE_PREFIX,
  type ReturnMessage,
} from '@digilocker-kyc/shared/protocol';

/**
 * The attempt's BroadcastChannel, or null. Looked up at call time: older Safari has none (`new
 * undefined` throws, and the other channels remain), and tests remove it.
 */
function openChannel(win: Window, state: string): BroadcastChannel | null {
  try {
    return new (win as typeof window).BroadcastChannel(RETURN_CHANNEL_PREFIX + state);
  } catch {
    return null;
  }
}

/**
 * Sends `message` on all three channels: BroadcastChannel, `opener.postMessage` to each of
 * `origins` (exact origins only; the server names the one page that started the attempt) or,
 * when none is given, this page's own origin, and a storage write.
 */
export function sendReturn(win: Window, message: ReturnMessage, origins: string[]): void {
  const channel = openChannel(win, message.state);
  channel?.postMessage(message);
  channel?.close();
  const opener = win.opener as Window | null;
  // A post to an origin the opener does not have is dropped by the browser, so trying each
  // allowed origin reaches the right one and no other. Only an exact origin such as
  // `https://shop.example` is used (never `*`, never a path); a value that is not a URL throws.
  for (const origin of opener ? (origins.length ? origins : [win.location.origin]) : []) {
    try {
      if (new URL(origin).origin === origin) opener?.postMessage(message, origin);
    } catch {
      // Not an origin, or the opener went away.
    }
  }
  try {
    const key = RETURN_STORAGE_PREFIX + message.state;
    // Other documents get a storage event for the write (with the value) and one for the
    // removal; removing at once leaves nothing behind even if this window closes right away.
    win.localStorage.setItem(key, JSON.stringify(message));
    win.localStorage.removeItem(key);
  } catch {
    // Storage disabled: the other channels and status polling remain.
  }
}

interface ReturnListenOptions {
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
  onReturn: (message: ReturnMessage) => void;
}

/** Starts listening on all three channels; returns the function that stops every listener. */
export function listenForReturn(options: ReturnListenOptions): () => void {
  const { win, state, origin, source, onReturn } = options;
  const key = RETURN_STORAGE_PREFIX + state;
  const channel = openChannel(win, state);

  // The first valid delivery wins: dispose() removes all three sources before onReturn runs (a
  // closed BroadcastChannel fires no message still queued for it).
  const take = (data: unknown) => {
    if (!isReturnMessage(data) || data.state !== state) return;
    dispose();
    onReturn(data);
  };

  const onMessage = (event: MessageEvent) => {
    const popup = source();
    if (event.origin === origin && (!popup || event.source === popup)) take(event.data);
  };

  const onStorage = ({ key: written, newValue: raw }: StorageEvent) => {
    try {
      if (written === key && raw && raw.length <= MAX_MESSAGE_CHARS) take(JSON.parse(raw));
    } catch {
      // Not JSON: not from our return page.
    }
  };

  function dispose(): void {
    win.removeEventListener('message', onMessage);
    win.removeEventListener('storage', onStorage);
    channel?.close();
    try {
      // A writer that never removed its key (the return page removes its own at once).
      win.localStorage.removeItem(key);
    } catch {
      // Storage disabled: nothing was written.
    }
  }

  win.addEventListener('message', onMessage);
  win.addEventListener('storage', onStorage);
  if (channel) channel.onmessage = (event: MessageEvent) => take(event.data);
  return dispose;
}
