export { SessionProvider } from './session-provider';
export { SessionGate } from './session-gate';
export { SignInScreen } from './sign-in-screen';
export { SignUpScreen } from './sign-up-screen';
export { ResetPasswordScreen } from './reset-password-screen';
export { SignOutButtons } from './sign-out-button';
export { AUTH_ROUTES } from './routes';
export {
  anonymousTransport,
  endLocalSession,
  forgetDevice,
  sessionTransport,
  signOut,
  useSession,
} from './session-runtime';
export { markOnboarded } from './use-onboarded';
export { authErrorKeyOf, type AuthErrorKey } from './auth-errors';
export { detectedProfile } from './sign-up-screen';
