// How a journey reaches DigiLocker, decided on the click: popup, redirect, or (in a cross-origin
// frame whose popup is blocked) an error, since a framed DigiLocker never loads.
import type { KycEventName, KycMode } from '@digilocker-kyc/shared/protocol';
import { expect } from '@open-wc/testing';
import { KycController } from './kyc-controller.js';
import { openJourneyWindow } from './open-journey.js';
import { controllerHost, FAST, FakePopup, stubFetch } from './test-helpers.js';

const INSTAGRAM =
  'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 Instagram 312.0';

/** A window for openJourneyWindow: top-level, or framed by a page of another origin. */
function fakeWindow(options: { framed: boolean; popup: FakePopup | null; userAgent?: string }) {
  const opens: unknown[][] = [];
  const crossOriginTop = {
    get location(): Location {
      throw new DOMException('Blocked a frame with origin', 'SecurityError');
    },
  };
  const win = {
    location: { href: location.href },
    navigator: { userAgent: options.userAgent ?? navigator.userAgent },
    document: { baseURI: location.href, readyState: 'complete' },
    open: (...args: unknown[]) => {
      opens.push(args);
      return options.popup;
    },
  } as Record<string, unknown>;
  win.self = win;
  win.top = options.framed ? crossOriginTop : win;
  return { win: win as unknown as Window, opens };
}

describe('openJourneyWindow', () => {
  it('uses the popup inside a cross-origin frame: no fallback, no redirect of the frame', () => {
    for (const mode of ['auto', 'popup'] as const) {
      const popup = new FakePopup();
      const { win, opens } = fakeWindow({ framed: true, popup });
      const opened = openJourneyWindow(win, mode);
      expect(opened, mode).to.deep.equal({ handle: popup, reason: null });
      expect(opens.length, mode).to.equal(1);
    }
  });

  it('errors instead of redirecting when the popup is blocked inside a cross-origin frame', () => {
    for (const mode of ['auto', 'popup'] as const) {
      const { win } = fakeWindow({ framed: true, popup: null });
      const { handle, reason, error } = openJourneyWindow(win, mode);
      expect([handle, reason], mode).to.deep.equal([null, null]);
      expect(error?.code, mode).to.equal('popup_blocked');
      expect(error?.retryable, mode).to.equal(false);
      expect(error?.message, mode).to.contain('cross-origin frame');
    }
  });

  it('still falls back to a redirect for a popup blocked at the top level', () => {
    for (const mode of ['auto', 'popup'] as const) {
      const { win } = fakeWindow({ framed: false, popup: null });
      expect(openJourneyWindow(win, mode), mode).to.deep.equal({
        handle: null,
        reason: 'popup_blocked',
      });
    }
  });

  it('keeps top-level in-app browsers and mode="redirect" on a redirect, without a popup', () => {
    const cases: [KycMode, string | undefined, unknown][] = [
      ['auto', INSTAGRAM, 'in_app_browser'],
      ['redirect', undefined, null],
    ];
    for (const [mode, userAgent, reason] of cases) {
      const { win, opens } = fakeWindow({ framed: false, popup: new FakePopup(), userAgent });
      expect(openJourneyWindow(win, mode)).to.deep.equal({ handle: null, reason });
      expect(opens.length).to.equal(0);
    }
  });

  it('uses the popup in a cross-origin frame even for mode="redirect" and in-app browsers', () => {
    const cases: [KycMode, string | undefined][] = [
      ['redirect', undefined],
      ['auto', INSTAGRAM],
      ['redirect', INSTAGRAM],
    ];
    for (const [mode, userAgent] of cases) {
      const popup = new FakePopup();
      const { win, opens } = fakeWindow({ framed: true, popup, userAgent });
      expect(openJourneyWindow(win, mode), mode).to.deep.equal({ handle: popup, reason: null });
      expect(opens.length, mode).to.equal(1);
      // Blocked there: an error, never a redirect of the frame DigiLocker cannot load in.
      const blocked = fakeWindow({ framed: true, popup: null, userAgent }).win;
      expect(openJourneyWindow(blocked, mode).error?.code, mode).to.equal('popup_blocked');
    }
  });
});

describe('KycController in a cross-origin frame', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => fetchStub?.restore());

  const controllerIn = (win: Window) => {
    const events: [KycEventName, unknown][] = [];
    const navigations: string[] = [];
    const controller = new KycController(controllerHost(), {
      win,
      config: () => ({
        endpoint: '/kyc',
        documents: undefined,
        redirectUrl: undefined,
        mode: 'auto',
        waits: FAST,
        popupText: { text: 'Connecting…', lang: 'en' },
        navigate: (url) => navigations.push(url),
      }),
      emit: (name, detail, options) => {
        events.push([name, detail]);
        return new CustomEvent(name, { ...options, detail });
      },
    });
    return { controller, events, navigations };
  };

  it('runs the journey in the popup, with no fallback event', () => {
    fetchStub = stubFetch({}); // The POST never answers: only the click's synchronous part runs.
    const popup = new FakePopup();
    const { controller, events } = controllerIn(fakeWindow({ framed: true, popup }).win);
    controller.start();
    expect(events.map(([name]) => name)).to.deep.equal(['digilocker-kyc-start']);
    expect([controller.state.status, controller.mode]).to.deep.equal(['creating', 'popup']);
    expect(fetchStub.posts().length).to.equal(1);
    controller.reset();
    expect(popup.closed).to.equal(true);
  });

  it('reports a blocked popup as an error at once: no attempt is created, nothing navigates', () => {
    fetchStub = stubFetch({});
    const { controller, events, navigations } = controllerIn(
      fakeWindow({ framed: true, popup: null }).win,
    );
    controller.start();
    expect(events.map(([name]) => name)).to.deep.equal([
      'digilocker-kyc-start',
      'digilocker-kyc-error',
    ]);
    expect(events[1]?.[1]).to.deep.include({ code: 'popup_blocked', retryable: false });
    expect(controller.state.status).to.equal('error');
    expect(fetchStub.calls.length, 'no Eko session minted').to.equal(0);
    expect(navigations).to.deep.equal([]);
  });
});
