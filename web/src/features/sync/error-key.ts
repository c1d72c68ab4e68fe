/** The message (in the `sync.errors` namespace) that explains an API error code to the person. */
export type ErrorKey = 'notFound' | 'invalid' | 'idTaken' | 'onboarding' | 'currency' | 'other';

export function errorKeyOf(code: string | null): ErrorKey {
  if (!code) return 'other';
  if (code.endsWith('NOT_FOUND')) return 'notFound';
  if (code.endsWith('ID_TAKEN')) return 'idTaken';
  if (code === 'ONBOARDING_REQUIRED') return 'onboarding';
  if (code.startsWith('CURRENCY_')) return 'currency';
  if (code === 'BAD_USER_INPUT' || code.endsWith('_INVALID') || code === 'CATEGORY_UNKNOWN')
    return 'invalid';
  return 'other';
}
