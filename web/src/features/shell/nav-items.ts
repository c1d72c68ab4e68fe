import type { ComponentType, SVGProps } from 'react';
import { GoalIcon, ListIcon, MonthIcon, SettingsIcon, TodayIcon } from '@/ui/icons';

export interface NavItem {
  /** Key of the label in the `shell.nav` messages. */
  labelKey: 'today' | 'month' | 'transactions' | 'goals' | 'settings';
  href: string;
  Icon: ComponentType<Omit<SVGProps<SVGSVGElement>, 'children'>>;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { labelKey: 'today', href: '/', Icon: TodayIcon },
  { labelKey: 'month', href: '/month/', Icon: MonthIcon },
  { labelKey: 'transactions', href: '/transactions/', Icon: ListIcon },
  { labelKey: 'goals', href: '/goals/', Icon: GoalIcon },
  { labelKey: 'settings', href: '/settings/', Icon: SettingsIcon },
];

/** Whether `pathname` is the item's screen or one below it (trailing slashes are on). */
export function isNavItemActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(href);
}
