import type { Metadata } from 'next';
import { SignUpScreen } from '@/features/auth';

export const metadata: Metadata = { title: 'Create your account' };

export default function SignUpPage() {
  return <SignUpScreen />;
}
