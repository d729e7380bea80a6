export interface ShippedPackage {
  path: string;
  name: string;
  version: string;
}
export interface LicenceEntry {
  name: string;
  version: string;
  license: string;
  text: string;
}
export function shippedPackages(lock: { packages: Record<string, { name?: string; version?: string; dev?: boolean; devOptional?: boolean }> }): ShippedPackage[];
export function collectLicences(base?: string): LicenceEntry[];
