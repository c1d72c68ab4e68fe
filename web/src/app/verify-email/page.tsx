import type { Metadata } from 'next';
import { VerifyEmailScreen } from '@/features/email';

export const metadata: Metadata = { title: 'Verify your e-mail' };

export default function VerifyEmailPage() {
  return <VerifyEmailScreen />;
}
