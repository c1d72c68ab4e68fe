'use client';

import dynamic from 'next/dynamic';

// The charting code loads with the first chart, in a chunk of its own: Today links to Insights
// through this feature's index, and its first load must not carry the charts.
export const HorizontalBarChart = dynamic(
  () => import('./insights-charts').then((module) => module.HorizontalBarChart),
  { ssr: false },
);
export const ColumnChart = dynamic(
  () => import('./insights-charts').then((module) => module.ColumnChart),
  { ssr: false },
);
