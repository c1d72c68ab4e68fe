/**
 * Spending clusters, a separate entry of the engine (`@pace/engine/clusters`): it carries the
 * `ml-kmeans` dependency, which the browser bundle of the main entry does not need.
 */
export {
  CLUSTER_K_MAX,
  CLUSTER_K_MIN,
  CLUSTER_METHOD_VERSION,
  CLUSTER_SEED,
  MIN_CLUSTER_DAYS,
  MIN_CLUSTER_TRANSACTIONS,
  computeSpendingClusters,
} from './spending-clusters';
export type {
  ClusterCandidate,
  SpendingCluster,
  SpendingClusters,
  SpendingClustersInput,
} from './spending-clusters';
export { CLUSTER_TOP_CATEGORIES, CLUSTER_WINDOW_DAYS } from './day-features';
export type {
  ClusterActivity,
  ClusterCategory,
  ClusterDayKind,
  ClusterFigures,
  ClusterTicketSize,
  ClusterTraits,
} from './naming';
