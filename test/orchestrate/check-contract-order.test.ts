import { describe, expect, it } from 'vitest';
import type { TaskConfig } from '../../src/config/pipeline-schema.js';
import { checkContractOrder } from '../../src/orchestrate/check-contract-order.js';

const components = {
  billing: { paths: ['src/billing/**'] },
  api: { paths: ['src/api/**'], requires: ['billing:createInvoice'] },
  app: { paths: ['src/index.ts'], requires: ['api'] },
};
const plan = (tasks: TaskConfig[]) => ({ tasks, byId: new Map(tasks.map((task) => [task.id, task])), components });

describe('the plan gate\'s contract order', () => {
  it('names the dependsOn a task needs on the task producing (or building) what its component requires', () => {
    const found = checkContractOrder(plan([
      { id: 'gen', run: 'x', produces: ['billing:createInvoice'] },
      { id: 'api', component: 'api', run: 'x' },
      { id: 'app', component: 'app', run: 'x', dependsOn: ['gen'] },
    ]));
    expect(found.map((finding) => [finding.task, finding.fix])).toEqual([
      ['api', 'add "gen" to the dependsOn of api'],
      ['app', 'add "api" to the dependsOn of app'],
    ]);
  });

  it('accepts a dependency through another task, and ignores reviewers', () => {
    expect(checkContractOrder(plan([
      { id: 'billing', component: 'billing', run: 'x' },
      { id: 'review', role: 'review', run: 'x', dependsOn: ['billing'] },
      { id: 'api', component: 'api', run: 'x', dependsOn: ['review'] },
      { id: 'app', component: 'app', run: 'x', dependsOn: ['api'] },
    ]))).toEqual([]);
  });
});
