import { readFileSync } from 'node:fs';
import { paths } from './paths.js';

export const version: string = JSON.parse(readFileSync(paths.packageJson, 'utf8')).version;
