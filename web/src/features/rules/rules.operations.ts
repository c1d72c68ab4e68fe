/** The rules screen's GraphQL operations (writes go online; the list reads the device's mirror). */

const RULE_FIELDS = /* GraphQL */ `
  fragment RuleFields on Rule {
    id
    position
    textPattern
    textMatch
    minAmount {
      amount
      currency
    }
    maxAmount {
      amount
    }
    accountId
    setCategoryId
    renameMerchant
    addTags
    version
    updatedAt
    deletedAt
  }
`;

export const RULE_CREATE = /* GraphQL */ `
  mutation RuleCreate($input: CreateRuleInput!) {
    createRule(input: $input) {
      conflict
      rule {
        ...RuleFields
      }
    }
  }
  ${RULE_FIELDS}
`;

export const RULE_UPDATE = /* GraphQL */ `
  mutation RuleUpdate($input: UpdateRuleInput!) {
    updateRule(input: $input) {
      conflict
      rule {
        ...RuleFields
      }
    }
  }
  ${RULE_FIELDS}
`;

export const RULE_DELETE = /* GraphQL */ `
  mutation RuleDelete($id: ID!) {
    deleteRule(id: $id) {
      rule {
        id
      }
    }
  }
`;

export const RULE_MOVE = /* GraphQL */ `
  mutation RuleMove($id: ID!, $position: Int!) {
    moveRule(id: $id, position: $position) {
      rules {
        id
        position
      }
    }
  }
`;

export const RULE_PREVIEW = /* GraphQL */ `
  query RulePreview($input: RuleDefinitionInput!, $first: Int) {
    previewRule(input: $input, first: $first) {
      totalCount
      isScanTruncated
      items {
        categoryId
        merchant
        transaction {
          id
          bookedOn
          merchant
          description
          categoryId
          amount {
            amount
            currency
          }
        }
      }
    }
  }
`;

export const RULE_APPLY = /* GraphQL */ `
  mutation RuleApply($ruleId: ID!, $toPast: Boolean!) {
    applyRule(ruleId: $ruleId, toPast: $toPast) {
      changedCount
      months
    }
  }
`;

export const RULE_SUGGESTION = /* GraphQL */ `
  query RuleSuggestionOf($transactionId: ID!) {
    ruleSuggestion(transactionId: $transactionId) {
      textPattern
      textMatch
      setCategoryId
      transactionId
    }
  }
`;

/** The rule fields the form sends (a RuleDefinitionInput). */
export interface RuleDefinition {
  textPattern: string | null;
  textMatch: 'CONTAINS' | 'GLOB';
  minAmount: string | null;
  maxAmount: string | null;
  setCategoryId: string | null;
  renameMerchant: string | null;
  addTags: string[];
}

export interface RulePreviewData {
  previewRule: {
    totalCount: number;
    isScanTruncated: boolean;
    items: Array<{
      categoryId: string;
      merchant: string | null;
      transaction: {
        id: string;
        bookedOn: string;
        merchant: string | null;
        description: string;
        categoryId: string;
        amount: { amount: string; currency: string };
      };
    }>;
  };
}

export interface RuleSuggestionData {
  ruleSuggestion: {
    textPattern: string;
    textMatch: 'CONTAINS' | 'GLOB';
    setCategoryId: string;
    transactionId: string;
  } | null;
}

export interface RuleWriteData {
  createRule?: { conflict: boolean; rule: { id: string } };
  updateRule?: { conflict: boolean; rule: { id: string } };
}
