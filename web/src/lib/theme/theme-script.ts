// Shared by the theme hook and the head script (rendered on the server: no 'use client').

export const THEME_STORAGE_KEY = 'pace.theme';

/** Runs before the first paint, so a picked theme never flashes the other one. */
export const THEME_HEAD_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t;}catch(e){}})();`;
