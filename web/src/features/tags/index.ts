export { TagsScreen } from './tags-screen';
export { ManageTagsLink, TagsEntry } from './tags-entry';
export { deleteTag, renameTag, type TagWriteResult } from './tag-outbox';
