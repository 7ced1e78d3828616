import { fileURLToPath } from 'node:url';

// This file sits two levels below the package root both in src/ and in the compiled dist/.
const root = fileURLToPath(new URL('../../', import.meta.url));

export const paths = {
  root,
  migrations: `${root}migrations`,
  webDist: `${root}web/dist`,
  packageJson: `${root}package.json`,
};
