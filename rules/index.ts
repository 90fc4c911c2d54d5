import type { AnyRule } from '../src/rule-engine/rule.js';
import { boundaryViolation } from './boundary-violation.js';
import { circularImport } from './circular-import.js';
import { contractRequirement } from './contract-requirement.js';
import { contractUnconsumed } from './contract-unconsumed.js';
import { duplicateImplementation } from './duplicate-implementation.js';
import { duplicateProvider } from './duplicate-provider.js';
import { deadCode } from './dead-code.js';
import { duplicateExport } from './duplicate-export.js';
import { missingExport } from './missing-export.js';
import { parseError } from './parse-error.js';
import { requiresCycle } from './requires-cycle.js';
import { staleBaseline } from './stale-baseline.js';
import { testOnlyExport } from './test-only-export.js';
import { unlistedBinary } from './unlisted-binary.js';
import { unlistedDependency } from './unlisted-dependency.js';
import { unresolvedImport } from './unresolved-import.js';
import { unusedClassMember } from './unused-class-member.js';
import { unresolvedPackage } from './unresolved-package.js';
import { unusedDependency } from './unused-dependency.js';
import { unusedEnumMember } from './unused-enum-member.js';
import { unusedExport } from './unused-export.js';
import { unusedFile } from './unused-file.js';
import { unusedSuppression } from './unused-suppression.js';
import { unusedType } from './unused-type.js';

/** Every analysis rule, in reporting order. */
export const allRules: readonly AnyRule[] = [
  unusedFile,
  unusedExport,
  unusedType,
  unusedEnumMember,
  unusedClassMember,
  deadCode,
  testOnlyExport,
  unresolvedImport,
  missingExport,
  circularImport,
  unusedDependency,
  unlistedDependency,
  unlistedBinary,
  unresolvedPackage,
  contractRequirement,
  requiresCycle,
  contractUnconsumed,
  boundaryViolation,
  duplicateProvider,
  duplicateImplementation,
  duplicateExport,
  parseError,
  unusedSuppression,
  staleBaseline,
];
