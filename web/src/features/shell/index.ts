export { AppShell, MAIN_CONTENT_ID } from './app-shell';
