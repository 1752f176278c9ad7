// The merchant's page: the widget from the route handler's /kyc/widget.js, and its outcome.
import { KycOutcome } from './kyc-outcome';

export default function Page() {
  return (
    <main>
      <h1>Verify your identity</h1>
      {/* React 19 hoists an async script into <head>; the bundle defines <digilocker-kyc>. */}
      <script type="module" src="/kyc/widget.js" async />
      <digilocker-kyc id="kyc" endpoint="/kyc" documents="AADHAAR" mode="popup" />
      <KycOutcome />
    </main>
  );
}
