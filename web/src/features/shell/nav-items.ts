import type { ComponentType, SVGProps } from 'react';
import { AddIcon, InsightsIcon, MonthIcon, SettingsIcon, TodayIcon } from '@/ui/icons';

export interface NavItem {
  label: string;
  /** Null while the screen does not exist yet: shown as a disabled item, never a broken link. */
  href: string | null;
  Icon: ComponentType<Omit<SVGProps<SVGSVGElement>, 'children'>>;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Today', href: '/', Icon: TodayIcon },
  { label: 'Month', href: null, Icon: MonthIcon },
  { label: 'Add', href: null, Icon: AddIcon },
  { label: 'Insights', href: null, Icon: InsightsIcon },
  { label: 'Settings', href: null, Icon: SettingsIcon },
];

/** Whether `pathname` is the item's screen or one below it (trailing slashes are on). */
export function isNavItemActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(href);
}
