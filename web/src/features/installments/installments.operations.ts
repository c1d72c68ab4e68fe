// The installment calculator: computed online against the person's plan (read:budget).

export const INSTALLMENT_PLAN = /* GraphQL */ `
  query InstallmentPlan($input: InstallmentPlanInput!) {
    installmentPlan(input: $input) {
      months
      monthlyPayment {
        amount
        currency
      }
      lastPayment {
        amount
      }
      totalInterest {
        amount
      }
      totalPaid {
        amount
      }
      schedule {
        number
        dueOn
        payment {
          amount
        }
        interest {
          amount
        }
        principal {
          amount
        }
        balance {
          amount
        }
      }
      verdict {
        level
        reasons {
          code
          level
          ratio
          amount {
            amount
          }
        }
      }
    }
  }
`;
