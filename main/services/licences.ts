/** The licences of what the app ships, from the file the build writes (scripts/licences.mjs). */
import { z } from 'zod';
import { Licence } from '../../shared/shell';
import { readJson } from './files';

export function readLicences(file: string): Licence[] {
  return readJson(file, z.array(Licence)) ?? [];
}
