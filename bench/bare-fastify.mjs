// P6's yardstick: a bare Fastify server started the way `npm start` starts the app (plain node, one
// JavaScript file), answering the same readiness path. `npm run bench` compares the app to it.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/api/ready', async () => ({ ok: true }));
app.get('/api/v1/me', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3000) });
console.log(`Đang chạy tại http://localhost:${app.server.address().port}`);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => app.close().then(() => process.exit(0)));
