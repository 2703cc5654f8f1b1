import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const web = (path: string) => fileURLToPath(new URL(`./src/web/${path}`, import.meta.url));

// The web app lives in src/web and is built into dist/web, which the Fastify server serves.
// In development (`npm run dev`) Vite serves it on 5173 and forwards /api to the server on 3000.
// Three pages: the admin app (index.html) and the light phone form (phieu.html → src/form, P5),
// which shares no code with the admin bundle but the pure domain labels; and the masses'
// supervision page (giam-sat.html → src/supervise), light in the same way; those two share src/light.
export default defineConfig({
  root: web(''),
  // P5: every asset also written as .br and .gz at build time; the server sends the one the
  // browser accepts (@fastify/static preCompressed), so nothing is compressed per request.
  plugins: [
    react(),
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|css|html|svg|json)$/,
      threshold: 512,
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { main: web('index.html'), phieu: web('phieu.html'), 'giam-sat': web('giam-sat.html') },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});
