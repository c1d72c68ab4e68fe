import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SessionGate, SessionProvider } from '@/features/auth';
import { LocaleHeadScript, LocaleProvider } from '@/features/i18n';
import { AppShell, SkipToContent } from '@/features/shell';
import { ApolloClientProvider } from '@/lib/apollo';
import { ServiceWorkerRegistration } from '@/lib/pwa/service-worker-registration';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pace', template: '%s · Pace' },
  description: 'Pace turns your monthly income, bills and goals into what you can spend today.',
  applicationName: 'Pace',
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [
      { url: '/icons/favicon-32.png', sizes: '32x32', type: 'image/png' },
      { url: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    ],
    apple: { url: '/apple-touch-icon.png', sizes: '180x180' },
  },
  appleWebApp: { capable: true, title: 'Pace', statusBarStyle: 'default' },
  formatDetection: { telephone: false },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#151f1a' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The head script sets lang and dir from the stored language before React hydrates.
    <html lang="en" dir="ltr" suppressHydrationWarning>
      <head>
        <LocaleHeadScript />
      </head>
      <body>
        <LocaleProvider>
          <SkipToContent />
          <SessionProvider>
            <ApolloClientProvider>
              <AppShell>
                <SessionGate>{children}</SessionGate>
              </AppShell>
            </ApolloClientProvider>
          </SessionProvider>
        </LocaleProvider>
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
