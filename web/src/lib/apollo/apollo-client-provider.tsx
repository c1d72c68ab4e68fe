'use client';

import type { ApolloClient } from '@apollo/client';
import { getApolloContext, type ApolloContextValue } from '@apollo/client/react';
import { useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { resolveApiEndpoints } from './api-endpoints';

/**
 * Creates the Apollo Client after mount, never during the static prerender, and provides it to
 * Apollo's hooks. Until it exists children render without a client: components that call Apollo
 * hooks belong inside `<WithApollo>`.
 */
export function ApolloClientProvider({ children }: { children: ReactNode }) {
  const [client, setClient] = useState<ApolloClient | null>(null);

  useEffect(() => {
    let isCancelled = false;
    let created: ApolloClient | null = null;
    // Loaded on demand so the GraphQL client stays out of the first-load bundle.
    void import('./create-apollo-client').then(({ createApolloClient }) => {
      if (isCancelled) return;
      created = createApolloClient(resolveApiEndpoints(window.location));
      setClient(created);
    });
    return () => {
      isCancelled = true;
      created?.stop();
    };
  }, []);

  // Apollo's own context provider (what ApolloProvider renders) is used directly so the tree keeps
  // the same shape before and after the client exists, and nothing below remounts.
  const ApolloContext = getApolloContext();
  const value = useMemo<ApolloContextValue>(() => (client ? { client } : {}), [client]);
  return <ApolloContext.Provider value={value}>{children}</ApolloContext.Provider>;
}

/** Renders `children` once the Apollo Client exists, `fallback` before it (and in the prerender). */
export function WithApollo({
  children,
  fallback = null,
}: {
  children: ReactNode;
  fallback?: ReactNode;
}) {
  const { client } = useContext(getApolloContext());
  return client ? children : fallback;
}
