interface CapacitorGlobal {
  isNativePlatform?: () => boolean;
}

/** True inside the Capacitor shell, where the app is bundled and needs no service worker. */
export function isNativePlatform(): boolean {
  const capacitor = (window as Window & { Capacitor?: CapacitorGlobal }).Capacitor;
  return capacitor?.isNativePlatform?.() ?? false;
}
