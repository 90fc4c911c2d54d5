/**
 * Programs scripts run that come from the system, not from npm, beyond those knip already
 * leaves out (`docker`, `git`, `python`, ...): no dependency can provide them, so a script that
 * runs one lacks nothing in package.json.
 */
const SYSTEM_TOOLS = new Set([
  'apt-get', 'awk', 'brew', 'cmake', 'composer', 'diff', 'docker-compose', 'flutter', 'dart', 'gcloud', 'go',
  'gradle', 'helm', 'java', 'jq', 'kind', 'kubectl', 'make', 'minikube', 'mongosh', 'mvn', 'mysql', 'ngrok',
  'openssl', 'patch', 'perl', 'php', 'pip', 'pip3', 'podman', 'podman-compose', 'psql', 'redis-cli', 'ruby',
  'sqlite3', 'swift', 'terraform', 'wget',
  // A mobile app's native toolchain (Xcode, CocoaPods, Android SDK, Maestro's installer, fastlane).
  'adb', 'bundle', 'emulator', 'fastlane', 'maestro', 'pod', 'xcodebuild', 'xcrun', 'xed',
]);

export function isSystemTool(binary: string): boolean {
  return SYSTEM_TOOLS.has(binary);
}
