// Lenient schemas for what Vast sends back. They check the envelope (what the client must rely on)
// and leave instance rows as plain records: normalize.ts makes sense of their fields one by one.
import { z } from 'zod';

export type RawInstanceRow = Record<string, unknown>;

const RowSchema = z.record(z.string(), z.unknown());

/** `GET /api/v1/instances/`. `instances` may be null when nothing matches. */
export const ListPageSchema = z.looseObject({
  success: z.boolean().optional(),
  instances: z.array(z.unknown()).nullable().optional(),
  next_token: z.string().nullable().optional(),
  total_instances: z.number().nullable().optional(),
});

/** `GET /api/v0/instances/{id}/`: a single object under a plural key, or null when unknown. */
export const ShowInstanceSchema = z.looseObject({
  instances: z.union([RowSchema, z.null()]).optional(),
});

/** The `{success, error, msg}` family every action answers with. */
export const ActionResponseSchema = z.looseObject({
  success: z.boolean().optional(),
  error: z.string().optional().nullable(),
  msg: z.string().optional().nullable(),
  message: z.string().optional().nullable(),
});
export type ActionResponse = z.infer<typeof ActionResponseSchema>;

/** `GET /api/v0/users/current`. It includes `api_key`, which the client drops on arrival. */
export const UserSchema = z.looseObject({
  id: z.number().optional().nullable(),
  email: z.string().optional().nullable(),
  username: z.string().optional().nullable(),
  credit: z.unknown().optional(),
  balance: z.unknown().optional(),
});

export function isRow(value: unknown): value is RawInstanceRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
