// The demo's one layout: a plain HTML shell.
import type { ReactNode } from 'react';

export const metadata = { title: 'digilocker-kyc in Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
