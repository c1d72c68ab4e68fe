'use client';

import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useId } from 'react';
import styles from './insights.module.css';

/** One bar: a label, its value (only for geometry: figures are shown as text) and its caption. */
export interface ChartDatum {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** The figure printed at the bar's end, formatted by the caller. */
  readonly caption: string;
  readonly isHighlighted?: boolean;
}

interface ChartProps {
  readonly data: readonly ChartDatum[];
  /** Short name of the chart for assistive technology (role="img"). */
  readonly title: string;
  /** One sentence saying where the same figures are as text. */
  readonly description: string;
  readonly testId?: string;
}

const WIDTH = 320;
const ROW = 28;
const LABEL_WIDTH = 112;
const CAPTION_WIDTH = 76;

/**
 * Horizontal bars, one per datum, drawn in SVG with the theme's colours. The picture is one image
 * for assistive technology (its title and description name it); the figures are the list or
 * table next to it, which stays the text alternative.
 */
export function HorizontalBarChart({ data, title, description, testId }: ChartProps) {
  const id = useId();
  const height = data.length * ROW;
  const x = scaleLinear<number>({
    domain: [0, Math.max(1, ...data.map((d) => d.value))],
    range: [0, WIDTH - LABEL_WIDTH - CAPTION_WIDTH],
  });
  const y = scaleBand<string>({
    domain: data.map((d) => d.key),
    range: [0, height],
    padding: 0.3,
  });
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      data-testid={testId}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {data.map((d) => {
        const top = y(d.key) ?? 0;
        const middle = top + y.bandwidth() / 2;
        return (
          <Group key={d.key} aria-hidden="true">
            <text x={0} y={middle} dominantBaseline="middle" className={styles.chartLabel}>
              {truncate(d.label, 16)}
            </text>
            <Bar
              x={LABEL_WIDTH}
              y={top}
              width={Math.max(2, x(d.value))}
              height={y.bandwidth()}
              rx={4}
              className={d.isHighlighted === false ? styles.chartBarMuted : styles.chartBar}
            />
            <text
              x={LABEL_WIDTH + Math.max(2, x(d.value)) + 6}
              y={middle}
              dominantBaseline="middle"
              className={styles.chartCaption}
            >
              {d.caption}
            </text>
          </Group>
        );
      })}
    </svg>
  );
}

const COLUMN_HEIGHT = 120;
const AXIS = 22;

/** Vertical columns in order (e.g. months), the highlighted one in the brand colour. */
export function ColumnChart({ data, title, description, testId }: ChartProps) {
  const id = useId();
  const x = scaleBand<string>({ domain: data.map((d) => d.key), range: [0, WIDTH], padding: 0.25 });
  const y = scaleLinear<number>({
    domain: [0, Math.max(1, ...data.map((d) => d.value))],
    range: [0, COLUMN_HEIGHT - 18],
  });
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${COLUMN_HEIGHT + AXIS}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      data-testid={testId}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {data.map((d) => {
        const left = x(d.key) ?? 0;
        const barHeight = Math.max(2, y(d.value));
        const centre = left + x.bandwidth() / 2;
        return (
          <Group key={d.key} aria-hidden="true">
            <Bar
              x={left}
              y={COLUMN_HEIGHT - barHeight}
              width={x.bandwidth()}
              height={barHeight}
              rx={4}
              className={d.isHighlighted ? styles.chartBar : styles.chartBarMuted}
            />
            <text
              x={centre}
              y={COLUMN_HEIGHT - barHeight - 5}
              textAnchor="middle"
              className={styles.chartCaption}
            >
              {d.caption}
            </text>
            <text
              x={centre}
              y={COLUMN_HEIGHT + 15}
              textAnchor="middle"
              className={styles.chartLabel}
            >
              {d.label}
            </text>
          </Group>
        );
      })}
    </svg>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
