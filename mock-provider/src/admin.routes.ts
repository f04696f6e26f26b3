import { Router } from 'express';
import { InvalidBehaviourError, type Behaviour } from './behaviour';
import { sendError } from './http-errors';
import type { ProviderStats } from './provider-stats';

export interface AdminRouterDeps {
  behaviour: () => Behaviour;
  setBehaviour: (patch: unknown) => Behaviour;
  reset: () => Behaviour;
  stats: () => ProviderStats;
}

export function createAdminRouter({ behaviour, setBehaviour, reset, stats }: AdminRouterDeps): Router {
  const router = Router();

  router.get('/behaviour', (_req, res) => {
    res.json(behaviour());
  });

  router.put('/behaviour', (req, res) => {
    try {
      res.json(setBehaviour(req.body ?? {}));
    } catch (err) {
      if (!(err instanceof InvalidBehaviourError)) throw err;
      sendError(res, 400, { error: 'invalid_behaviour', message: err.message, ...(err.field && { field: err.field }) });
    }
  });

  router.post('/reset', (_req, res) => {
    res.json(reset());
  });

  router.get('/stats', (_req, res) => {
    res.json(stats());
  });

  return router;
}
