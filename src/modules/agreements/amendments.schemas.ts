import { z } from 'zod';
import { LineBody } from './agreements.schemas.js';

const Dated = {
  effectiveOn: z.iso.date().describe('First day the change applies'),
  note: z.string().max(1000).default(''),
};
const Price = z.number().int().min(0).max(1_000_000_000);

export const AmendmentBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('set_quantity'),
    lineId: z.uuid(),
    quantity: z.number().int().min(0).max(1_000_000),
    ...Dated,
  }),
  z.strictObject({ kind: z.literal('set_price'), lineId: z.uuid(), unitPrice: Price, ...Dated }),
  z.strictObject({ kind: z.literal('add_line'), line: LineBody, ...Dated }),
  z.strictObject({ kind: z.literal('remove_line'), lineId: z.uuid(), ...Dated }),
  z.strictObject({
    kind: z.literal('change_plan'),
    lineId: z.uuid(),
    planId: z.uuid().nullable(),
    categories: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/)).max(20),
    unitPrice: Price,
    description: z.string().trim().min(1).max(300),
    ...Dated,
  }),
]);
export type AmendmentInput = z.infer<typeof AmendmentBody>;

export const ReverseBody = z.strictObject({
  effectiveOn: z.iso.date(),
  note: z.string().max(1000).default(''),
});
export const AmendmentParams = z.strictObject({ agreementId: z.uuid(), amendmentId: z.uuid() });

export const AmendmentResponse = z.object({
  id: z.uuid(),
  kind: z.string(),
  effectiveOn: z.string(),
  reverses: z.uuid().nullable(),
  note: z.string(),
  change: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  createdAt: z.date(),
});
