export { AccountsScreen } from './accounts-screen';
export { AccountsEntry } from './accounts-entry';
export { AccountPicker } from './account-picker';
