/** `attain/planner`: the whole program's evaluation (jointly under a competency cap), plans and forecasts. */
export { evaluateJointly as evaluate } from '../planner/evaluate-jointly.js';
export { type Forecast, type ForecastChange, forecast } from '../planner/forecast.js';
export { type PlanOptions, planLevel } from '../planner/plan-level.js';
export type * from '../planner/plan-types.js';
