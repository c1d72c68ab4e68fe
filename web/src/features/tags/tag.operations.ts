// The GraphQL operations of tag management: the outbox replays renames and removals with these.
// Plain strings (sent with fetch), typed by codegen.

export const SYNC_RENAME_TAG = /* GraphQL */ `
  mutation SyncRenameTag($from: String!, $to: String!) {
    renameTag(from: $from, to: $to) {
      from
      tag
      transactionCount
      changed {
        id
        version
      }
    }
  }
`;

export const SYNC_DELETE_TAG = /* GraphQL */ `
  mutation SyncDeleteTag($tag: String!) {
    deleteTag(tag: $tag) {
      tag
      transactionCount
      changed {
        id
        version
      }
    }
  }
`;
