import {
  addMonths,
  assessInstallmentRisk,
  computeInstallmentSchedule,
  dateInMonth,
  dayOfMonth,
  daysInMonth,
  formatDecimal,
  isEngineError,
  MAX_INSTALLMENT_PRINCIPAL_MINOR,
  monthOf,
  type InstallmentRiskVerdict,
  type InstallmentSchedule,
  type LocalDate,
} from '@pace/engine';
import { parseAmount } from '../../graphql/money.type';
import type { BudgetMonthService, PlanService } from '../budget';
import { InstallmentError } from './installment.errors';
import { existingInstalmentsMinor, type RecurringDebtInput } from './installment.rules';

/** A plan to compute, as the person typed it (amounts in the budget currency). */
export interface InstallmentPlanRequest {
  principal: string;
  apr: string;
  months: number;
  firstPaymentOn?: LocalDate | null;
}

/** The schedule and its verdict against the person's plan. */
export interface InstallmentPlanResult {
  currency: string;
  schedule: InstallmentSchedule;
  incomeMinor: number;
  existingInstalmentsMinor: number;
  verdict: InstallmentRiskVerdict;
}

export interface InstallmentServiceDeps {
  plans: Pick<PlanService, 'getSettings'>;
  months: Pick<BudgetMonthService, 'todayOf'>;
  /** The person's recurring expenses (every one; the rules pick the debts). */
  recurring: (userId: string) => Promise<readonly RecurringDebtInput[]>;
}

/** The same day next month, clamped to its end: when a first payment usually falls. */
function nextMonthOf(today: LocalDate): LocalDate {
  const month = addMonths(monthOf(today), 1);
  return dateInMonth(month, Math.min(dayOfMonth(today), daysInMonth(month)));
}

/** Installment plans: the amortisation schedule and a risk verdict against the person's plan. */
export class InstallmentService {
  constructor(private readonly deps: InstallmentServiceDeps) {}

  async plan(userId: string, request: InstallmentPlanRequest): Promise<InstallmentPlanResult> {
    const settings = await this.deps.plans.getSettings(userId);
    const { currency, planSettings } = settings;
    const principalMinor = parseAmount(request.principal, currency, { field: 'principal' });
    const today = this.deps.months.todayOf(settings.timeZone);
    const schedule = this.schedule({
      principalMinor,
      currency,
      apr: request.apr,
      payments: request.months,
      firstPaymentOn: request.firstPaymentOn ?? nextMonthOf(today),
    });
    const incomeMinor = planSettings.incomeMinor + (planSettings.additionalIncomeMinor ?? 0);
    const existing = existingInstalmentsMinor({
      bills: planSettings.bills ?? [],
      recurring: await this.deps.recurring(userId),
      currency,
      today,
    });
    const verdict = assessInstallmentRisk({
      paymentMinor: schedule.paymentMinor,
      totalPaidMinor: schedule.totalPaidMinor,
      incomeMinor,
      existingInstalmentsMinor: existing,
    });
    return { currency, schedule, incomeMinor, existingInstalmentsMinor: existing, verdict };
  }

  private schedule(input: Parameters<typeof computeInstallmentSchedule>[0]): InstallmentSchedule {
    if (input.principalMinor <= 0 || input.principalMinor > MAX_INSTALLMENT_PRINCIPAL_MINOR) {
      throw new InstallmentError('INSTALLMENT_INPUT_INVALID', {
        message: `principal must be more than 0 and at most ${formatDecimal(MAX_INSTALLMENT_PRINCIPAL_MINOR, input.currency)} ${input.currency}.`,
      });
    }
    try {
      return computeInstallmentSchedule(input);
    } catch (error) {
      if (isEngineError(error))
        throw new InstallmentError('INSTALLMENT_INPUT_INVALID', { message: error.message });
      throw error;
    }
  }
}
