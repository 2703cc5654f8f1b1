import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';

/** The Fastify instance with zod types: routes declare zod schemas and get typed requests. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    /** The time sign-in delays and one-time codes are judged at; tests move it instead of waiting. */
    clock: () => Date;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a session (login, health, the public form later). */
    public?: boolean;
    /**
     * S6: the anonymous phone form. No session is looked up (so nothing about an account is touched
     * or learnt), and the route's requests are not logged.
     */
    anonymous?: boolean;
    /**
     * Routes an account may use while it still has to be set up: a temporary password to change,
     * or two-factor sign-in the settings require and it has not turned on yet.
     */
    duringAccountSetup?: boolean;
  }
}
