import type { ToolConvention } from './tool-convention.js';

/**
 * Next.js files the framework loads by name that knip's plugin does not list: the MDX
 * components map (`mdx-components.tsx`, required by `@next/mdx` in the App Router).
 */
export const nextjs: ToolConvention = {
  name: 'next',
  dependency: 'next',
  entries: ['{src/,}mdx-components.{js,jsx,ts,tsx}'],
};
