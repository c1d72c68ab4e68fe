import type { Metadata } from 'next';
import { OnboardingScreen } from '@/features/onboarding';

export const metadata: Metadata = { title: 'Your plan' };

export default function OnboardingPage() {
  return <OnboardingScreen />;
}
