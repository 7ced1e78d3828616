import type { FastifyInstance } from 'fastify';
import type { Jobs } from './jobs/jobs.js';

/** What a business area plugs into the platform: its HTTP routes and, optionally, its background jobs. */
export type KeelModule = {
  name: string;
  routes?(app: FastifyInstance): void | Promise<void>;
  jobs?(jobs: Jobs): void | Promise<void>;
};
