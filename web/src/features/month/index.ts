export { MonthScreen } from './month-screen';
