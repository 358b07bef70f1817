import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The admin is served by `fabu serve` at /admin/; the API is on the same origin.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
})
