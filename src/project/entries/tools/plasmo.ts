import type { ToolConvention } from './tool-convention.js';

const SCRIPT = '{ts,tsx,js,jsx}';
const PAGES = '{popup,options,newtab,devtools,sidepanel,background,content}';

/**
 * Plasmo (browser extensions): the extension pages and scripts are files by name at the top of
 * the source folder (`src/` when there is one): `popup.tsx`, `options`, `newtab`, `devtools`,
 * `sidepanel`, `background.ts`, `content.ts` (or a folder's `index`), every file in `contents/`,
 * `tabs/` and `sandboxes/`, and the messaging handlers in `background/messages/` and
 * `background/ports/`. knip has no plugin for it.
 */
export const plasmo: ToolConvention = {
  name: 'plasmo',
  dependency: 'plasmo',
  entries: [
    `{src/,}${PAGES}.${SCRIPT}`,
    `{src/,}${PAGES}/index.${SCRIPT}`,
    `{src/,}{contents,tabs,sandboxes}/*.${SCRIPT}`,
    `{src/,}{contents,tabs,sandboxes}/*/index.${SCRIPT}`,
    `{src/,}background/{messages,ports}/**/*.${SCRIPT}`,
  ],
};
