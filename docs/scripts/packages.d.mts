/** Types for packages.mjs, so the tests that import it type-check. */
export declare const repoRoot: string;
export interface EntryPoint {
  subpath: string;
  source: string;
}
export interface PublishablePackage {
  name: string;
  dir: string;
  description: string;
  /** Whether it installs a command (package.json "bin"). */
  hasBin: boolean;
  entryPoints: EntryPoint[];
}
export declare function publishablePackages(): PublishablePackage[];
