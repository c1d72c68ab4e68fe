export { GoalsScreen } from './goals-screen';
