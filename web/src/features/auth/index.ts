export { SignInPlaceholder } from './sign-in-placeholder';
