import { registerEnumType } from 'type-graphql';

export enum TrendDirectionGql {
  UP = 'up',
  DOWN = 'down',
  FLAT = 'flat',
}
registerEnumType(TrendDirectionGql, {
  name: 'TrendDirection',
  description:
    'How a category’s spending moved against the previous month: within 5 % of it (either way) is flat.',
  valuesConfig: {
    UP: { description: 'More than 5 % above the previous month’s comparable days.' },
    DOWN: { description: 'More than 5 % below the previous month’s comparable days.' },
    FLAT: { description: 'Within 5 % of the previous month’s comparable days (or both nothing).' },
  },
});

export enum SpendingPaceLevelGql {
  NONE = 'none',
  WATCH = 'watch',
  WARNING = 'warning',
  CRITICAL = 'critical',
}
registerEnumType(SpendingPaceLevelGql, {
  name: 'SpendingPaceLevel',
  description:
    'Pace of spending against the plan: ratio = (spent / elapsed days) / (plan / plan days), judged from the third plan day.',
  valuesConfig: {
    NONE: { description: 'Below 1.2, or too early in the month to judge (before day 3).' },
    WATCH: { description: 'At least 1.2 times the planned pace.' },
    WARNING: { description: 'At least 1.5 times the planned pace.' },
    CRITICAL: { description: 'At least twice the planned pace.' },
  },
});

export enum AnomalyMethodGql {
  MEDIAN_MAD = 'median_mad',
  MEAN_SD = 'mean_sd',
  NOT_ENOUGH_DATA = 'not_enough_data',
  NO_VARIATION = 'no_variation',
}
registerEnumType(AnomalyMethodGql, {
  name: 'AnomalyMethod',
  description:
    'How the person’s norm of a spending day was measured (days with day-to-day spending only: bills, savings and goals are left out).',
  valuesConfig: {
    MEDIAN_MAD: {
      description:
        'Robust: a day is unusual above median + 3.5 × MAD (the MAD scaled by 1.4826 to estimate a standard deviation).',
    },
    MEAN_SD: {
      description:
        'Fallback when half the days or more cost the same (MAD 0): above mean + 2.5 × standard deviation.',
    },
    NOT_ENOUGH_DATA: { description: 'Fewer than 5 spending days: nothing is judged yet.' },
    NO_VARIATION: { description: 'Every spending day cost the same: nothing is unusual.' },
  },
});

export enum HealthComponentKindGql {
  SAVINGS = 'savings',
  DAYS_WITHIN_BUDGET = 'days_within_budget',
  BILLS = 'bills',
  BUFFER = 'buffer',
}
registerEnumType(HealthComponentKindGql, {
  name: 'HealthComponentKind',
  description: 'A part of the financial health score.',
  valuesConfig: {
    SAVINGS: {
      description:
        'Weight 30: the month’s savings rate, (income − spending) / income with spending projected to the month’s end as if the rest goes to plan, against the person’s savings target (10 % without one).',
    },
    DAYS_WITHIN_BUDGET: {
      description:
        'Weight 30: the share of finished plan days on which every category stayed green.',
    },
    BILLS: {
      description:
        'Weight 20: fixed bills against income; full marks up to 50 %, none from 80 %, linear between.',
    },
    BUFFER: {
      description:
        'Weight 20: the share of the month’s overspending covered from other money (Flex, donors) rather than left as a deficit; full marks without overspending.',
    },
  },
});

export enum PeerComparisonStatusGql {
  REPORTED = 'reported',
  NOT_ENOUGH_PEERS = 'not_enough_peers',
}
registerEnumType(PeerComparisonStatusGql, {
  name: 'PeerComparisonStatus',
  description: 'Whether the peer group was large enough to show anything.',
  valuesConfig: {
    REPORTED: { description: 'At least 20 other people of the group spent that month.' },
    NOT_ENOUGH_PEERS: {
      description:
        'Fewer than 20: nothing about the group is shown, not even how many it holds (neededPeers says how many are needed).',
    },
  },
});

export enum PeerPositionGql {
  BELOW = 'below',
  WITHIN = 'within',
  ABOVE = 'above',
}
registerEnumType(PeerPositionGql, {
  name: 'PeerPosition',
  description: 'Where the person’s share of a category falls among their peers’.',
  valuesConfig: {
    BELOW: { description: 'Below the peers’ lower quartile.' },
    WITHIN: { description: 'Within the middle half of the peers (lower to upper quartile).' },
    ABOVE: { description: 'Above the peers’ upper quartile.' },
  },
});

export enum IncomeBandGql {
  LOW = 'low',
  LOWER_MIDDLE = 'lower_middle',
  MIDDLE = 'middle',
  UPPER_MIDDLE = 'upper_middle',
  HIGH = 'high',
}
registerEnumType(IncomeBandGql, {
  name: 'IncomeBand',
  description:
    'The income tier of the plan (domain §3.1): annual income (monthly income plus additional income, × 12) against the regional profile’s bounds.',
  valuesConfig: {
    LOW: { description: 'The lowest tier.' },
    LOWER_MIDDLE: { description: 'Lower-middle.' },
    MIDDLE: { description: 'Middle (also every currency without a regional profile).' },
    UPPER_MIDDLE: { description: 'Upper-middle.' },
    HIGH: { description: 'Above the upper-middle bound.' },
  },
});
