export { InstallmentsScreen } from './installments-screen';
export { InstallmentsEntry } from './installments-entry';
