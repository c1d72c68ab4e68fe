// Spending insights and the peer comparison: computed online from the ledger (read:analytics).

export const SPENDING_INSIGHTS = /* GraphQL */ `
  query SpendingInsights($month: YearMonth) {
    spendingInsights(month: $month) {
      month
      today
      isInProgress
      total {
        amount
        currency
      }
      breakdown {
        categoryId
        categoryName
        amount {
          amount
        }
        shareBasisPoints
        share
      }
      trendMonths
      trends {
        categoryId
        categoryName
        series {
          month
          amount {
            amount
          }
        }
        current {
          amount
        }
        previous {
          amount
        }
        change {
          amount
        }
        direction
      }
      pace {
        spent {
          amount
        }
        plan {
          amount
        }
        expectedToDate {
          amount
        }
        ahead {
          amount
        }
        level
        ratio
        runOutOn
      }
      anomalies {
        method
        daysInNorm
        neededDays
        days {
          date
          amount {
            amount
          }
          aboveTypical {
            amount
          }
        }
      }
      drift {
        previousMonth
        distanceBasisPoints
        categories {
          categoryId
          categoryName
          previousShareBasisPoints
          currentShareBasisPoints
          isNotable
        }
      }
      health {
        score
        components {
          kind
          weight
          value
          points
          ratio
          target
        }
      }
    }
  }
`;

export const PEER_COMPARISON = /* GraphQL */ `
  query PeerComparison($month: YearMonth) {
    peerComparison(month: $month) {
      status
      neededPeers
      region
      categories {
        categoryId
        categoryName
        yourShareBasisPoints
        lowerQuartileBasisPoints
        medianBasisPoints
        upperQuartileBasisPoints
        position
      }
    }
  }
`;

// Spending clusters (premium:ai_insights): computed by a background job; COMPUTING until it is done.
export const SPENDING_CLUSTERS = /* GraphQL */ `
  query SpendingClusters {
    spendingClusters {
      state
      status
      transactionCount
      neededTransactions
      dayCount
      clusters {
        name
        dominantCategoryId
        dominantCategoryName
        dayKind
        ticketSize
        activity
        dayCount
        transactionCount
        total {
          amount
          currency
        }
        averageTicket {
          amount
        }
        weekendShareBasisPoints
      }
    }
  }
`;

export const MOOD_SPENDING = /* GraphQL */ `
  query MoodSpending {
    moodSpendingCorrelation {
      from
      to
      status
      pairedDays
      neededDays
      coefficient
      strength
      points {
        on
        score
        spent {
          amount
          currency
        }
      }
    }
  }
`;
