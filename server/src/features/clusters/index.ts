export { spendingClusters } from './spending-cluster.table';
export type { SpendingClustersRow } from './spending-cluster.table';
export { SpendingClusterRepository } from './spending-cluster.repository';
export { SpendingClusterService, type SpendingClusterDeps } from './spending-cluster.service';
export { SpendingClusterResolver } from './spending-cluster.resolver';
export { computeSpendingClustersJob } from './spending-cluster.jobs';
