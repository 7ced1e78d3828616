import { z } from 'zod';
import { isValidTimeZone } from '../../domain/calendar/zone.js';

/** An IANA zone name the runtime knows, as every request body that names one takes it. */
export const TimeZone = z
  .string()
  .max(64)
  .refine(isValidTimeZone, 'is not an IANA time zone')
  .describe('IANA time zone, e.g. Europe/Paris');
