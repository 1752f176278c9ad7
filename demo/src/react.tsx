// The React integration: <DigilockerKyc> from @digilocker-kyc/widget/react, in StrictMode (its
// double effects must never start a second DigiLocker attempt). The log is React state: text only.
import { DigilockerKyc } from '@digilocker-kyc/widget/react';
import { type ReactNode, StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { type KycResult, outcomeFor, verifyOnBackend } from './kyc-result.js';

type Mode = 'auto' | 'popup' | 'redirect';
type Locale = 'en' | 'hi';

const params = new URLSearchParams(location.search);
const mode: Mode =
  (['auto', 'popup', 'redirect'] as const).find((m) => m === params.get('mode')) ?? 'auto';
const locale: Locale = params.get('locale') === 'hi' ? 'hi' : 'en';
if (params.get('theme') === 'brand') document.documentElement.classList.add('theme-brand');

interface LogLine {
  id: number;
  text: string;
}

/** The session token is for the merchant's backend: show only its start and length. */
function describe(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  const shown: Record<string, unknown> = { ...(detail as Record<string, unknown>) };
  if (typeof shown.session_token === 'string') {
    shown.session_token = `${shown.session_token.slice(0, 10)}… (${shown.session_token.length} chars)`;
  }
  return JSON.stringify(shown);
}

let nextId = 0;

type Shown = KycResult | { status: 'waiting' } | { status: 'checking' };

/** The backend's answer: masked fields, or why not. A `role="status"` region announces changes. */
function ResultPanel({ result }: { result: Shown }) {
  let content: ReactNode;
  if (result.status === 'waiting') {
    content = <p>Verify above: the backend’s answer appears here.</p>;
  } else if (result.status === 'checking') {
    content = <p>Consent confirmed. Fetching the document on the backend…</p>;
  } else if (result.status === 'verified') {
    const { name, aadhaar, birth_year: birthYear } = result.document;
    content = (
      <>
        <p className="result-title">Verified: the backend fetched the document from DigiLocker.</p>
        <dl>
          {name && (
            <>
              <dt>Name</dt>
              <dd>{name}</dd>
            </>
          )}
          {aadhaar && (
            <>
              <dt>Aadhaar</dt>
              <dd>{aadhaar}</dd>
            </>
          )}
          {birthYear && (
            <>
              <dt>Year of birth</dt>
              <dd>{birthYear}</dd>
            </>
          )}
        </dl>
        <p className="note">
          The page receives masked fields only; the full record stays on the server.
        </p>
      </>
    );
  } else {
    content = (
      <>
        <p className="result-title">Not verified: {result.message}</p>
        <p className="note">Reason code: {result.code}</p>
      </>
    );
  }
  return (
    <div id="kyc-result" className="kyc-result" role="status" data-outcome={result.status}>
      {content}
    </div>
  );
}

function App() {
  const [lines, setLines] = useState<LogLine[]>([]);
  const [result, setResult] = useState<Shown>({ status: 'waiting' });
  const log = useCallback((event: CustomEvent<unknown>) => {
    const text = `${new Date().toTimeString().slice(0, 8)} ${event.type} ${describe(event.detail)}`;
    setLines((previous) => [...previous, { id: nextId++, text }]);
  }, []);

  return (
    <>
      <header>
        <h1>Insurance proposal</h1>
        <p>
          Demo merchant page: React 19 in StrictMode with <code>@digilocker-kyc/widget/react</code>.{' '}
          <a href="/">All demos</a>
        </p>
      </header>
      <form className="controls" method="get">
        <label>
          Mode{' '}
          <select name="mode" defaultValue={mode}>
            <option value="auto">auto</option>
            <option value="popup">popup</option>
            <option value="redirect">redirect</option>
          </select>
        </label>
        <label>
          Language{' '}
          <select name="locale" defaultValue={locale}>
            <option value="en">English</option>
            <option value="hi">हिन्दी</option>
          </select>
        </label>
        <label>
          Theme{' '}
          <select name="theme" defaultValue={params.get('theme') === 'brand' ? 'brand' : 'default'}>
            <option value="default">default</option>
            <option value="brand">brand</option>
          </select>
        </label>
        <button type="submit">Apply</button>
      </form>
      <section className="card">
        <h2>Verify your identity</h2>
        <DigilockerKyc
          id="kyc"
          endpoint="/kyc"
          documents="AADHAAR"
          mode={mode}
          locale={locale}
          onStart={(event) => {
            log(event);
            setResult({ status: 'waiting' });
          }}
          onOpen={log}
          onFallback={log}
          onComplete={async (event) => {
            log(event);
            // `complete` confirms consent; the merchant's backend fetches the document, and the
            // widget is told how that ended (it says "checking" until then).
            const element = event.currentTarget as HTMLElementTagNameMap['digilocker-kyc'];
            setResult({ status: 'checking' });
            const result = await verifyOnBackend(event.detail);
            element.settle(outcomeFor(result));
            setResult(result);
          }}
          onCancel={(event) => {
            log(event);
            const message = 'the customer did not finish on DigiLocker.';
            setResult({ status: 'failed', code: event.detail.reason, message });
          }}
          onError={(event) => {
            log(event);
            setResult({ status: 'failed', code: event.detail.code, message: event.detail.message });
          }}
        />
      </section>
      <section className="card" aria-labelledby="kyc-result-heading">
        <h2 id="kyc-result-heading">Result from the merchant’s backend</h2>
        <ResultPanel result={result} />
      </section>
      <section>
        <h2>
          Events{' '}
          <button type="button" id="clear-log" onClick={() => setLines([])}>
            Clear
          </button>
        </h2>
        <pre id="event-log" aria-live="off">
          {lines.map((line) => (
            <div key={line.id}>{line.text}</div>
          ))}
        </pre>
      </section>
    </>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
