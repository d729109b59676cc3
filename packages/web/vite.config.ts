import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @kefu/web`: the UI on Vite's dev server, the API from the Kefu server on port 3000.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    chunkSizeWarningLimit: 1500,
  },
});
