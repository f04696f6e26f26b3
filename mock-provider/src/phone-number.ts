import { z } from 'zod';

export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export const e164Schema = z.string().regex(E164_PATTERN, { error: 'must be an E.164 number such as +14155550123' });
