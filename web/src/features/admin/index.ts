export { AdminScreen } from './admin-screen';
export { AdminLink } from './admin-link';
