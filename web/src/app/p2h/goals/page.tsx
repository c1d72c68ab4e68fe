import { GoalsScreen } from '@/features/goals';

export default function Page() {
  return <GoalsScreen />;
}
