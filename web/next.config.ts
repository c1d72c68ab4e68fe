import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const webDir = path.dirname(fileURLToPath(import.meta.url));

// The API server serves this export as static files at `/`, and Capacitor bundles the same folder,
// so nothing here may need a Node server at run time.
const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@pace/engine'],
  // The workspace root holds the lockfile and the hoisted node_modules.
  turbopack: { root: path.join(webDir, '..') },
};

export default nextConfig;
