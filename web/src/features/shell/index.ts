export { AppShell, MAIN_CONTENT_ID } from './app-shell';
export { SkipToContent } from './skip-to-content';
