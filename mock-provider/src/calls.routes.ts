import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Behaviour } from './behaviour';
import type { CallScript, InjectedFault } from './call-script';
import type { CallStore } from './call-store';
import { errorCodeFor, sendError } from './http-errors';
import { dropAfter } from './injected-delays';
import { e164Schema } from './phone-number';
import type { StatusCallbacks } from './status-callbacks';
import { describeValidationError } from './validation';

const statusCallbackUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http or https URL' })
  .max(2000, { error: 'must be at most 2000 characters' })
  // fetch refuses a URL carrying user:password, so every callback to it would fail.
  .refine((url) => !hasCredentials(url), { error: 'must not contain a user name or password' });

const createCallSchema = z.object(
  {
    to: e164Schema,
    idempotencyKey: z.string().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }),
    statusCallbackUrl: statusCallbackUrlSchema.optional(),
  },
  { error: 'request body must be a JSON object' },
);

export interface CallsRouterDeps {
  store: CallStore;
  script: CallScript;
  behaviour: () => Behaviour;
  callbacks: StatusCallbacks;
}

export function createCallsRouter({ store, script, behaviour, callbacks }: CallsRouterDeps): Router {
  const router = Router();

  router.post('/', (req, res) => {
    const parsed = createCallSchema.safeParse(req.body);
    if (!parsed.success) {
      sendError(res, 400, { error: 'invalid_request', ...describeValidationError(parsed.error) });
      return;
    }
    const { to, idempotencyKey, statusCallbackUrl } = parsed.data;
    const existing = store.findByKey(idempotencyKey);
    if (existing && existing.to !== to) {
      sendError(res, 422, {
        error: 'idempotency_key_reused',
        message: `idempotencyKey was already used for a call to ${existing.to}`,
        field: 'idempotencyKey',
      });
      return;
    }
    store.countPost(idempotencyKey);
    const current = behaviour();
    // A replay finds the call it dialled first, so the first POST's callback URL is the one kept.
    const dial = (): { id: string } => {
      const lifecycle = script.lifecycleFor(current, to);
      const call = store.create({ to, idempotencyKey, lifecycle, createdAt: res.locals.arrivedAt as number, statusCallbackUrl });
      callbacks.schedule(call);
      return call;
    };
    const fault = script.faultFor(current, to);
    if (fault) {
      if (!existing && dialsDespite(fault, current)) dial();
      respondWithFault(res, fault, current);
      return;
    }
    const call = existing ?? dial();
    // A replay answers exactly as the first POST did; the header is only a debugging aid.
    if (existing) res.set('Idempotent-Replayed', 'true');
    res.status(201).json({ id: call.id, status: 'queued' });
  });

  router.get('/', (_req, res) => {
    res.json({ items: store.list() });
  });

  router.get('/:id', (req, res) => {
    const call = store.lookUp(req.params.id);
    if (!call) {
      sendError(res, 404, { error: 'not_found', message: `No call with id ${req.params.id}` });
      return;
    }
    const current = behaviour();
    const fault = script.lookupFaultFor(current, call.to);
    if (fault) {
      respondWithFault(res, fault, current);
      return;
    }
    res.json(call);
  });

  return router;
}

/** The realistic nasty case: the provider dialled, then the answer got lost. Client errors never dial. */
function dialsDespite(fault: InjectedFault, behaviour: Behaviour): boolean {
  const serverSide = fault.kind === 'timeout' || fault.status >= 500;
  return serverSide && behaviour.failAfterAccept;
}

function respondWithFault(res: Response, fault: InjectedFault, behaviour: Behaviour): void {
  if (fault.kind === 'timeout') {
    res.locals.injected = 'timeout';
    dropAfter(res, behaviour.timeoutMs);
    return;
  }
  res.locals.injected = fault.status;
  if (fault.status === 429) res.set('Retry-After', '1');
  sendError(res, fault.status, { error: errorCodeFor(fault.status), message: `Injected ${fault.status} from the mock provider` });
}

function hasCredentials(url: string): boolean {
  const parsed = URL.parse(url);
  return parsed !== null && (parsed.username !== '' || parsed.password !== '');
}
