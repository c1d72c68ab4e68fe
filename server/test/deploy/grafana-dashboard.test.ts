// The Grafana dashboard in deploy/grafana reads only metrics a Pace process exposes: every series
// its queries name is in the registry `/metrics` serialises (Pace's own and the prefixed Node.js
// defaults), so a
// renamed metric fails here instead of leaving an empty panel.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/infra/metrics';

const file = path.resolve(import.meta.dirname, '../../../deploy/grafana/pace-dashboard.json');
const dashboard = JSON.parse(readFileSync(file, 'utf8')) as {
  uid: string;
  panels: Array<{ id: number; title: string; targets: Array<{ expr: string }> }>;
};

/** Metric names a PromQL expression reads (identifiers followed by a selector or a range). */
function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/\b([a-z_][a-z0-9_]*)\s*\{/g)].map((m) => m[1] ?? '');
}

describe('the Grafana dashboard', () => {
  it('queries only series the processes expose, with unique panel ids', async () => {
    const metrics = new Metrics();
    const exposed = new Set<string>();
    for (const metric of await metrics.registry.getMetricsAsJSON()) {
      exposed.add(metric.name);
      if (String(metric.type) === 'histogram')
        for (const suffix of ['_bucket', '_sum', '_count']) exposed.add(`${metric.name}${suffix}`);
    }
    // The queue gauge is registered when a queue is watched.
    exposed.add('pace_queue_jobs');
    const used = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((target) => metricsIn(target.expr).map((name) => ({ panel, name }))),
    );
    expect(used.length).toBeGreaterThan(10);
    for (const { panel, name } of used) expect(exposed, `${panel.title}: ${name}`).toContain(name);
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dashboard.uid).toBe('pace-overview');
  });

  it('finds the metrics of an expression', () => {
    expect(metricsIn('sum(rate(pace_http_requests_total{job="x"}[5m]))')).toEqual([
      'pace_http_requests_total',
    ]);
  });
});
