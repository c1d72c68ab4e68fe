export { ApolloClientProvider, WithApollo } from './apollo-client-provider';
export { resolveApiEndpoints, type ApiEndpoints } from './api-endpoints';
