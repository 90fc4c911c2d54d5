import { buildContractModel, evaluateRequirements, type RequirementStatus } from '../contracts/contract-model.js';
import { withAnalysis } from '../analyse/with-analysis.js';

/** A name no config component can have (names start with a letter): the promise under check. */
const PROMISE = '<produces>';

/**
 * Whether symbols a task promised to create (`produces`, in the forms of `requires`) exist
 * now, judged exactly as contract requirements are: each is evaluated as a requirement of a
 * component that holds no files, so `component:Symbol` means the component provides it.
 */
export async function checkProduced(
  options: { root: string; configFile?: string },
  produces: readonly string[],
): Promise<{ statuses: RequirementStatus[]; notices: string[] }> {
  const notices: string[] = [];
  return withAnalysis({ ...options, baseline: false, notices }, ({ context }) => {
    const model = context.contracts ?? buildContractModel(context.linked, {}, { file: '', text: '' });
    const components = { ...model.components, [PROMISE]: { paths: [], requires: [...produces] } };
    const statuses = evaluateRequirements({ ...model, components }, context.linked, PROMISE);
    return { statuses, notices };
  });
}
