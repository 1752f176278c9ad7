'use client';
// Shows what the widget reported: its events carry ids and status only, never personal data.
import { useEffect, useState } from 'react';

export function KycOutcome() {
  const [outcome, setOutcome] = useState('Not started');
  useEffect(() => {
    const complete = (event: Event) => {
      const { reference_id } = (event as CustomEvent<{ reference_id: string }>).detail;
      // A real app posts the session_token to its backend, which verifies it and fetches the
      // document with the Eko client; the browser never sees the Aadhaar data.
      setOutcome(`Verified: attempt ${reference_id}`);
    };
    const cancel = () => setOutcome('Cancelled');
    const error = (event: Event) =>
      setOutcome(`Error: ${(event as CustomEvent<{ code: string }>).detail.code}`);
    document.addEventListener('digilocker-kyc-complete', complete);
    document.addEventListener('digilocker-kyc-cancel', cancel);
    document.addEventListener('digilocker-kyc-error', error);
    return () => {
      document.removeEventListener('digilocker-kyc-complete', complete);
      document.removeEventListener('digilocker-kyc-cancel', cancel);
      document.removeEventListener('digilocker-kyc-error', error);
    };
  }, []);
  return (
    <p id="outcome" role="status">
      {outcome}
    </p>
  );
}
