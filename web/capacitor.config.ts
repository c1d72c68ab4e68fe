import type { CapacitorConfig } from '@capacitor/cli';

// The native app bundles the same static export the API serves (`next build` writes `out/`).
// Inside it the service worker is not registered (src/lib/pwa/is-native-platform.ts): the bundle
// is already on the device, and the app reaches the API at NEXT_PUBLIC_PACE_API_ORIGIN.
const config: CapacitorConfig = {
  appId: 'app.pace.budget',
  appName: 'Pace',
  webDir: 'out',
  server: { androidScheme: 'https' },
};

export default config;
