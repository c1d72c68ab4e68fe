'use client';

import { useCallback, useEffect, useState } from 'react';
import { authErrorKeyOf, sessionTransport, type AuthErrorKey } from '@/features/auth';
import { readAllPages } from '@/lib/graphql/all-pages';
import {
  MORE_TOKENS_QUERY,
  SETTINGS_QUERY,
  type MoreTokensAnswer,
  type SettingsAnswer,
  type SettingsData,
} from './settings.operations';

export type SettingsState =
  | { kind: 'loading' }
  | { kind: 'error'; error: AuthErrorKey }
  | { kind: 'ready'; data: SettingsData };

/** The settings and every personal access token, page by page after the first. */
async function readSettings(): Promise<SettingsData> {
  const transport = sessionTransport();
  const { personalAccessTokensConnection: first, ...rest } =
    await transport<SettingsAnswer>(SETTINGS_QUERY);
  const personalAccessTokens = await readAllPages(async (after) =>
    after === null
      ? first
      : (await transport<MoreTokensAnswer>(MORE_TOKENS_QUERY, { after }))
          .personalAccessTokensConnection,
  );
  return { ...rest, personalAccessTokens };
}

/** The account's settings from the API (they are not kept on the device), with a reload. */
export function useSettingsData(): [SettingsState, () => void] {
  const [state, setState] = useState<SettingsState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    readSettings().then(
      (data) => {
        if (isCurrent) setState({ kind: 'ready', data });
      },
      (error: unknown) => {
        if (isCurrent) setState({ kind: 'error', error: authErrorKeyOf(error) });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [state, reload];
}

/** Runs one settings action: busy while it runs, its failure in words. */
export function useAction(): {
  isBusy: boolean;
  error: AuthErrorKey | null;
  run: (work: () => Promise<void>) => Promise<boolean>;
} {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<AuthErrorKey | null>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(authErrorKeyOf(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { isBusy, error, run };
}
