/**
 * Output folders of builds, and the dot folders frameworks generate (`.nuxt`, `.next`,
 * `.contentlayer`, `.svelte-kit`), anywhere in a path. Asked only of paths that name no file.
 */
const BUILD_OUTPUT_SEGMENT = /(?:^|\/)(?:dist|build|out|\.(?!\.)[^/]+)\//;

/** Whether a root-relative path lies in a build's output folder. */
export function isBuildOutputPath(relative: string | undefined): boolean {
  return relative !== undefined && BUILD_OUTPUT_SEGMENT.test(relative);
}
