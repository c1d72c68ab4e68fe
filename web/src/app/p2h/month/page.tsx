import { MonthScreen } from '@/features/month';

export default function Page() {
  return <MonthScreen />;
}
