// Shared by the client modules and the head script (rendered on the server: no 'use client').

/** Kept on the device so the choice holds before sign-in, offline and across reloads. */
export const LOCALE_STORAGE_KEY = 'pace.locale';

/** Set on <html> by the head script while a stored language's messages load (hides the English). */
export const PENDING_ATTRIBUTE = 'data-locale-pending';
