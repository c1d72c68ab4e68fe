import { afterEach, describe, expect, it } from 'vitest';
import capacitorConfig from '../../../capacitor.config';
import nextConfig from '../../../next.config';
import { resolveApiEndpoints } from '../apollo/api-endpoints';
import { isNativePlatform } from './is-native-platform';

const page = { protocol: 'https:', host: 'pace.example.com' };

describe('the Capacitor shell', () => {
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it('bundles the static export', () => {
    expect(nextConfig.output).toBe('export');
    expect(capacitorConfig.webDir).toBe('out');
  });

  it('is told apart from a browser, where the service worker registers', () => {
    (globalThis as { window?: unknown }).window = {};
    expect(isNativePlatform()).toBe(false);
    (globalThis as { window?: unknown }).window = { Capacitor: { isNativePlatform: () => true } };
    expect(isNativePlatform()).toBe(true);
  });

  it('reaches the API on the same origin in a browser and at the configured origin natively', () => {
    expect(resolveApiEndpoints(page, undefined)).toEqual({
      httpUrl: '/graphql',
      wsUrl: 'wss://pace.example.com/graphql',
    });
    expect(resolveApiEndpoints(page, 'http://10.0.2.2:4000')).toEqual({
      httpUrl: 'http://10.0.2.2:4000/graphql',
      wsUrl: 'ws://10.0.2.2:4000/graphql',
    });
  });
});
