import Fastify from 'fastify';
import pg from 'pg';

/**
 * P1's anchor: the floor of our own stack. A bare Fastify 5 + node-postgres server that takes the
 * same phone-form POST and does one INSERT of its body, nothing else (no validation, no code, no
 * ballot box). Same pool size as the app. `DATABASE_URL=… PORT=… tsx bench/support/anchor-server.ts`
 */
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL ?? '10'),
});
await pool.query(
  'create table if not exists bench_anchor_forms (id uuid primary key default gen_random_uuid(), body jsonb not null)',
);
const app = Fastify({ logger: false });
app.post('/api/v1/phone-form/submit', async (request) => {
  await pool.query('insert into bench_anchor_forms (body) values ($1)', [request.body]);
  return { ok: true };
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
console.log('anchor ready');
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
