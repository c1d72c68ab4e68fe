/** What the server pushes (notification-delivery.service.ts): English words and where to go. */
interface PushPayload {
  id?: string;
  title?: string;
  body?: string;
  url?: string;
}

function payloadOf(event: PushEvent): PushPayload {
  try {
    return (event.data?.json() ?? {}) as PushPayload;
  } catch {
    return { body: event.data?.text() };
  }
}

/** Web Push: shows the notification, and opens (or focuses) the notifications page on a tap. */
export function handlePush(sw: ServiceWorkerGlobalScope): void {
  sw.addEventListener('push', (event) => {
    const payload = payloadOf(event);
    event.waitUntil(
      sw.registration.showNotification(payload.title ?? 'Pace', {
        body: payload.body ?? '',
        tag: payload.id,
        icon: '/icons/icon-192.png',
        data: { url: payload.url ?? '/notifications/' },
      }),
    );
  });
  sw.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const url = (event.notification.data as { url?: string } | null)?.url ?? '/notifications/';
    event.waitUntil(
      (async () => {
        const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
        const open = windows.find((w) => new URL(w.url).pathname === url);
        if (open) await open.focus();
        else await sw.clients.openWindow(url);
      })(),
    );
  });
}
