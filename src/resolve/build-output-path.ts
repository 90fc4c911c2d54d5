/**
 * Output folders of builds, and the dot folders frameworks generate (`.nuxt`, `.next`,
 * `.contentlayer`, `.svelte-kit`), anywhere in a path. Asked only of paths that name no file.
 */
const BUILD_OUTPUT_SEGMENT = /(?:^|\/)(?:dist|build|out|\.(?!\.)[^/]+)\//;

/** Whether a root-relative path lies in a build's output folder. */
export function isBuildOutputPath(relative: string | undefined): boolean {
  return relative !== undefined && BUILD_OUTPUT_SEGMENT.test(relative);
}

/**
 * `./$types`: SvelteKit generates each route's types under `.svelte-kit/types/` and joins them
 * to the route folder through the generated tsconfig's `rootDirs`, so until `svelte-kit sync`
 * has run the import names a file that does not exist yet; it is not broken.
 */
const GENERATED_ROUTE_TYPES = /^\.\/\$types(?:\.js|\.d\.ts)?$/;

export function isGeneratedRouteTypes(specifier: string): boolean {
  return GENERATED_ROUTE_TYPES.test(specifier);
}
