/**
 * The proof the server gives this device at a password sign-in or sign-up, kept per e-mail and
 * sent with the next password sign-in: the account then knows this device, and wrong passwords
 * someone else typed never make it wait. It outlives signing out (it names the device, not a
 * session); a proof the server no longer knows is simply replaced at the next sign-in.
 */
export const DEVICE_PROOFS_KEY = 'pace.devices';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function read(storage: Storage): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(DEVICE_PROOFS_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const keyOf = (email: string) => email.trim().toLowerCase();

export function deviceProofFor(
  email: string,
  storage: Storage = window.localStorage,
): string | null {
  const proof = read(storage)[keyOf(email)];
  return typeof proof === 'string' ? proof : null;
}

export function keepDeviceProof(
  email: string,
  proof: string | null | undefined,
  storage: Storage = window.localStorage,
): void {
  if (!proof) return;
  storage.setItem(DEVICE_PROOFS_KEY, JSON.stringify({ ...read(storage), [keyOf(email)]: proof }));
}
