// Offline validation of the Kubernetes manifests in deploy/: every file parses, every object has a
// known kind and apiVersion, every variable they set is one the config reads (and the ConfigMap and
// Secret together pass the config's own validation), probes hit routes the API serves, commands run
// entry points the build makes and the image contains, and the grace period covers the drain.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/app/config';

const root = path.resolve(import.meta.dirname, '../../..');
const deployDir = path.join(root, 'deploy');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{ name: string }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  [probe: string]: unknown;
}
interface PodSpec {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: PodSpec;
}

const KNOWN: Record<string, string> = {
  Namespace: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  Service: 'v1',
  Deployment: 'apps/v1',
  Job: 'batch/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  PodDisruptionBudget: 'policy/v1',
  Kustomization: 'kustomize.config.k8s.io/v1beta1',
};

const files = existsSync(deployDir) ? readdirSync(deployDir).filter((f) => /\.ya?ml$/.test(f)) : [];
const objects: Array<K8sObject & { file: string }> = files.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(deployDir, file), 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
    return { ...(doc.toJS() as K8sObject), file };
  }),
);
const find = (kind: string, name?: string) =>
  objects.filter((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
const one = <T>(kind: string, name: string): T => {
  const found = find(kind, name);
  expect(found, `${kind} ${name}`).toHaveLength(1);
  return found[0] as unknown as T;
};
const podTemplates = (): Array<{ owner: string; template: PodTemplate }> =>
  objects.flatMap((o) => {
    if (o.kind === 'Deployment' || o.kind === 'Job')
      return [
        {
          owner: `${o.kind} ${o.metadata?.name}`,
          template: (o.spec as { template: PodTemplate }).template,
        },
      ];
    return [];
  });
const containers = () =>
  podTemplates().flatMap(({ owner, template }) =>
    template.spec.containers.map((container) => ({ owner, container, spec: template.spec })),
  );

/** The variables config.ts reads: the keys of its zod object, one per line. */
const configKeys = new Set(
  [...read('server/src/app/config.ts').matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!),
);

describe('deploy/ Kubernetes manifests (offline)', () => {
  it('parse, and every object has a known kind with its apiVersion', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const object of objects) {
      expect(KNOWN[object.kind], `${object.file}: kind ${object.kind}`).toBeDefined();
      expect(object.apiVersion, `${object.file}: ${object.kind}`).toBe(KNOWN[object.kind]);
      if (object.kind !== 'Kustomization') expect(object.metadata?.name).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('hold the API with an autoscaler, Service and disruption budget, the worker, the migration job, the secret and the config', () => {
    const api = one<
      K8sObject & {
        spec: { selector: { matchLabels: Record<string, string> }; template: PodTemplate };
      }
    >('Deployment', 'pace-api');
    one('Deployment', 'pace-worker');
    one('Job', 'pace-migrate');
    one('Secret', 'pace-secrets');
    one('ConfigMap', 'pace-config');
    const labels = api.spec.template.metadata.labels;
    const matches = (selector: Record<string, string>) =>
      Object.entries(selector).every(([k, v]) => labels[k] === v);
    expect(matches(api.spec.selector.matchLabels)).toBe(true);
    const service = one<{
      spec: { selector: Record<string, string>; ports: Array<{ targetPort: string | number }> };
    }>('Service', 'pace-api');
    expect(matches(service.spec.selector)).toBe(true);
    const hpa = one<{
      spec: {
        scaleTargetRef: { kind: string; name: string; apiVersion: string };
        minReplicas: number;
        maxReplicas: number;
      };
    }>('HorizontalPodAutoscaler', 'pace-api');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'pace-api',
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    const pdb = one<{ spec: { selector: { matchLabels: Record<string, string> } } }>(
      'PodDisruptionBudget',
      'pace-api',
    );
    expect(matches(pdb.spec.selector.matchLabels)).toBe(true);
    // Every Deployment's selector picks its own pods.
    for (const deployment of find('Deployment')) {
      const spec = deployment.spec as {
        selector: { matchLabels: Record<string, string> };
        template: PodTemplate;
      };
      for (const [k, v] of Object.entries(spec.selector.matchLabels))
        expect(spec.template.metadata.labels[k], deployment.metadata?.name).toBe(v);
    }
    // The kustomization lists every other file, and only existing ones.
    const [kustomization] = find('Kustomization') as unknown as Array<{ resources: string[] }>;
    expect([...kustomization!.resources].sort()).toEqual(
      files.filter((f) => f !== 'kustomization.yaml').sort(),
    );
  });

  it('set only variables the config reads, and the ConfigMap with the Secret is a valid configuration', () => {
    expect(configKeys.size).toBeGreaterThan(20);
    const configMap = one<{ data: Record<string, string> }>('ConfigMap', 'pace-config');
    const secret = one<{ stringData?: Record<string, string>; data?: Record<string, string> }>(
      'Secret',
      'pace-secrets',
    );
    const set = [
      ...Object.keys(configMap.data),
      ...Object.keys(secret.stringData ?? {}),
      ...Object.keys(secret.data ?? {}),
      ...containers().flatMap(({ container }) => (container.env ?? []).map((e) => e.name)),
    ];
    for (const name of set)
      expect(configKeys.has(name), `${name} is not read by config.ts`).toBe(true);
    const config = loadConfig({
      ...configMap.data,
      ...secret.stringData,
      PACE_NODE_ID: 'pace-api-0',
    });
    expect(config.NODE_ENV).toBe('production');
    expect(config.DATABASE_URL).toMatch(/^postgres/);
    expect(config.REDIS_URL).toMatch(/^redis/);
    for (const { owner, container } of containers()) {
      const from = (container.envFrom ?? []).map((e) => e.configMapRef?.name ?? e.secretRef?.name);
      expect(from, `${owner} takes its settings from the ConfigMap and the Secret`).toEqual([
        'pace-config',
        'pace-secrets',
      ]);
    }
  });

  it('probe routes the API serves, on the port it listens on', () => {
    const routes = new Set(
      [...read('server/src/app/http.ts').matchAll(/app\.get\('([^']+)'/g)].map((m) => m[1]!),
    );
    const configMap = one<{ data: Record<string, string> }>('ConfigMap', 'pace-config');
    const exposed = /^EXPOSE (\d+)$/m.exec(read('Dockerfile'))?.[1];
    expect(configMap.data.PORT).toBe(exposed);
    const api = containers().find(({ owner }) => owner === 'Deployment pace-api')!.container;
    const probes = ['startupProbe', 'readinessProbe', 'livenessProbe'].map(
      (key) => api[key] as { httpGet: { path: string; port: string | number } } | undefined,
    );
    for (const probe of probes) {
      expect(probe, 'the API has startup, readiness and liveness probes').toBeDefined();
      expect(routes.has(probe!.httpGet.path), `${probe!.httpGet.path} is a route of http.ts`).toBe(
        true,
      );
      const port = api.ports!.find(
        (p) => p.name === probe!.httpGet.port || p.containerPort === probe!.httpGet.port,
      );
      expect(port?.containerPort).toBe(Number(exposed));
    }
    expect((api.livenessProbe as { httpGet: { path: string } }).httpGet.path).toBe('/health');
  });

  it('run the image’s entry points: the API as the Dockerfile’s CMD, the worker and the migration from server/dist', () => {
    const dockerfile = read('Dockerfile');
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/server\/dist server\/dist$/m);
    const entries = /entryPoints: \{([^}]*)\}/.exec(read('server/scripts/build.mjs'))![1]!;
    const built = new Set([...entries.matchAll(/(\w+):/g)].map((m) => `server/dist/${m[1]}.js`));
    const [kustomization] = find('Kustomization') as unknown as Array<{
      images: Array<{ name: string }>;
    }>;
    const images = new Set(kustomization!.images.map((i) => i.name));
    const commands = new Map(containers().map(({ owner, container }) => [owner, container]));
    expect(commands.get('Deployment pace-api')!.command).toEqual(cmd);
    expect(commands.get('Deployment pace-worker')!.command).toEqual([
      'node',
      'server/dist/worker.js',
    ]);
    expect(commands.get('Job pace-migrate')!.command).toEqual(['node', 'server/dist/migrate.js']);
    for (const [owner, container] of commands) {
      expect(images.has(container.image), `${owner} uses the image the kustomization sets`).toBe(
        true,
      );
      expect(container.command![0]).toBe('node');
      expect(built.has(container.command![1]!), `${owner}: ${container.command![1]} is built`).toBe(
        true,
      );
    }
  });

  it('give pods a grace period that covers the pre-stop pause and SHUTDOWN_TIMEOUT_MS', () => {
    const configMap = one<{ data: Record<string, string> }>('ConfigMap', 'pace-config');
    const drainS = Number(configMap.data.SHUTDOWN_TIMEOUT_MS) / 1000;
    expect(drainS).toBeGreaterThan(0);
    for (const deployment of find('Deployment')) {
      const spec = (deployment.spec as { template: PodTemplate }).template.spec;
      const preStop = spec.containers[0]!.lifecycle?.preStop?.exec?.command;
      const pauseS = preStop?.[0] === 'sleep' ? Number(preStop[1]) : 0;
      expect(spec.terminationGracePeriodSeconds ?? 30, deployment.metadata?.name).toBeGreaterThan(
        drainS + pauseS,
      );
    }
  });
});
