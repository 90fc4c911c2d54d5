/** Test, story and mock files: entries unless --production, which drops them. */
const TEST_FILE = /(?:^|\/)(?:test|tests|__tests__|__mocks__|e2e|cypress)\/|\.(?:test|spec|test-d|spec-d|bench|e2e|stories|story)\.[cm]?[jt]sx?$/;

export function isTestFile(relativePath: string): boolean {
  return TEST_FILE.test(relativePath);
}
