export { SplitEditor, type SplitEditorProps } from './split-editor';
export { SplitListItem } from './split-list-item';
export {
  addSplit,
  editSplit,
  removeSplit,
  type NewSplit,
  type SplitPartDraft,
} from './split-outbox';
export { splitEvenly, leftToAssign } from './split-evenly';
