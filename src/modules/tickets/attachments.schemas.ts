import { z } from 'zod';

export const AttachmentParams = z.strictObject({ ticketId: z.uuid() });
export const AttachmentFileParams = z.strictObject({ ticketId: z.uuid(), attachmentId: z.uuid() });

export const AttachmentResponse = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  messageId: z.uuid().nullable().describe('The message that carried it (mail) or that it was added to'),
  filename: z.string(),
  contentType: z.string().describe('What the bytes are, as sniffed; not what the sender declared'),
  size: z.number().int().describe('Bytes'),
  sha256: z.string(),
  createdAt: z.string(),
});
