/**
 * Test, story, mock and fixture files, and test helpers (`test-utils/`, `__typetest__/`,
 * `setupTests.ts`): entries unless --production, which drops them. An end-to-end test project
 * (Nx's `apps/shop-e2e/`, with its page objects and support files) is test code throughout.
 */
const TEST_FILE = /(?:^|\/)(?:test|tests|__tests__|__mocks__|__fixtures__|__typetest__|__snapshots__|e2e|cypress|test-utils|test-helpers|[\w.-]+-e2e)\/|\.(?:test|spec|test-d|spec-d|bench|e2e|cy|stories|story|fixture)\.[cm]?[jt]sx?$|(?:^|\/)(?:setupTests|setup-tests|test-utils|test-setup|vitest\.setup|jest\.setup)\.[cm]?[jt]sx?$/;

export function isTestFile(relativePath: string): boolean {
  return TEST_FILE.test(relativePath);
}
