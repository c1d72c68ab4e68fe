export { AdviceCard } from './advice-card';
