import { computeMonth } from '../src/index';
import { buildScenario } from './scenario';
const b4 = buildScenario(28);
for (let i = 0; i < 30000; i++) computeMonth(b4.plan, b4.transactions, b4.today);
